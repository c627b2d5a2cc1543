package io.backupmock.server.jobs;

import java.time.Duration;
import java.time.Instant;

/** A task of a job as seen at one instant; {@code status} is NotStarted, InProgress, Completed, Failed or Cancelled. */
public record TaskSnapshot(String taskId, String status, Instant startTime, Instant endTime, Duration duration,
                           double progressPercentage) {
}
