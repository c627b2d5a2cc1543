package io.backupmock.server.jobs;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.backupmock.server.clock.TimeLimits;
import java.time.Duration;

/**
 * How the asynchronous operation of a trigger behaves: it reports InProgress for
 * {@code inProgressFor}, then Succeeded (carrying the job id), or Failed with {@code error}, in
 * which case no job is created.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OperationScript(Duration inProgressFor, OperationError error) {
    public static final OperationScript IMMEDIATE = new OperationScript(Duration.ZERO, null);

    public OperationScript {
        inProgressFor = inProgressFor == null ? Duration.ZERO : inProgressFor;
        if (inProgressFor.isNegative()) {
            throw new IllegalArgumentException("trigger.inProgressFor must not be negative: " + inProgressFor);
        }
        TimeLimits.requireDuration("trigger.inProgressFor", inProgressFor);
        if (error != null && (error.code() == null || error.code().isBlank())) {
            throw new IllegalArgumentException("trigger.error.code is required");
        }
    }

    public boolean fails() {
        return error != null;
    }

    /** The {@code error} of a failed operation status, as on the wire. */
    public record OperationError(String code, String message) {
    }
}
