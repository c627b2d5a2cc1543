package io.backupmock.server.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A job as seen at one instant: immutable, computed by {@link Job#at}.
 *
 * @param endTime      null while the job runs
 * @param cancellable  whether a cancel would be accepted now (drives {@code actionsInfo})
 * @param errorDetails errors of a Failed job, warnings of one CompletedWithWarnings; empty otherwise
 */
public record JobSnapshot(Job job, JobStatus status, Instant startTime, Instant endTime, Duration duration,
                          List<TaskSnapshot> tasks, double progressPercentage, boolean cancellable,
                          List<JobErrorDetail> errorDetails) {

    public String id() {
        return job.id();
    }
}
