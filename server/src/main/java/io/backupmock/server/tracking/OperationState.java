package io.backupmock.server.tracking;

import io.backupmock.server.jobs.OperationScript.OperationError;
import java.time.Instant;

/**
 * An asynchronous operation as seen at one instant.
 *
 * @param endTime null while in progress
 * @param error   set when Failed
 * @param jobId   the job the operation created, once Succeeded (null for operations without one)
 */
public record OperationState(AsyncOperation operation, OperationStatusValue status, Instant startTime,
                             Instant endTime, OperationError error, String jobId) {

    public boolean isDone() {
        return status != OperationStatusValue.InProgress;
    }
}
