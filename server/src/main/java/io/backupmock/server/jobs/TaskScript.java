package io.backupmock.server.jobs;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.backupmock.server.clock.TimeLimits;
import java.time.Duration;
import java.util.Objects;

/** One task of a job ("Take Snapshot", "Transfer data to vault") and how long it runs; JSON: {@code ["Take Snapshot", "PT10S"]}. */
@JsonFormat(shape = JsonFormat.Shape.ARRAY)
@JsonPropertyOrder({"name", "duration"})
public record TaskScript(String name, Duration duration) {
    public TaskScript {
        Objects.requireNonNull(name, "task name");
        Objects.requireNonNull(duration, "duration of task " + name);
        if (duration.isNegative()) {
            throw new IllegalArgumentException("task '" + name + "' has a negative duration " + duration);
        }
        TimeLimits.requireDuration("the duration of task '" + name + "'", duration);
    }
}
