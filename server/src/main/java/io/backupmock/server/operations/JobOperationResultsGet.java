package io.backupmock.server.operations;

import io.backupmock.server.state.Emulator;
import io.backupmock.server.gateway.ApiError;
import io.backupmock.server.gateway.ApiRequest;
import io.backupmock.server.gateway.ApiResponse;
import io.backupmock.server.gateway.Operation;
import io.backupmock.server.tenancy.Vault;
import io.backupmock.server.tracking.AsyncOperation;

/** JobOperationResults_Get: {@code GET …/backupJobs/{job}/operationResults/{op}} → 202 while the job is Cancelling, then 204. */
public final class JobOperationResultsGet implements Operation {
    private final Emulator emulator;

    public JobOperationResultsGet(Emulator emulator) {
        this.emulator = emulator;
    }

    @Override
    public ApiResponse handle(ApiRequest req) {
        Vault vault = Lookups.vault(emulator, req);
        AsyncOperation op = Lookups.operation(vault, req.param("operationId"), AsyncOperation.Kind.JOB_CANCEL);
        if (!op.job().id().equalsIgnoreCase(req.param("jobName"))) {
            throw ApiError.notFound("ResourceNotFound", "The operation '" + op.id() + "' does not belong to job '"
                    + req.param("jobName") + "'.");
        }
        if (OperationStatuses.finished(op.at(req.now())) == null) {
            return Lookups.accepted(emulator, req, null, TriggerPaths.cancelResult(vault, op));
        }
        return ApiResponse.noContent();
    }
}
