package io.backupmock.server.operations;

import io.backupmock.server.state.Emulator;
import io.backupmock.server.gateway.ApiError;
import io.backupmock.server.gateway.ApiRequest;
import io.backupmock.server.gateway.ApiResponse;
import io.backupmock.server.gateway.Operation;
import io.backupmock.server.jobs.Job;
import io.backupmock.server.tenancy.Vault;
import io.backupmock.server.tracking.AsyncOperation;

/**
 * JobCancellations_Trigger: {@code POST …/backupJobs/{job}/cancel} → 202 with Location (no
 * Azure-AsyncOperation, as Azure answers); the job goes Cancelling, then Cancelled. A job that has
 * finished, or whose script is not cancellable, answers 400.
 */
public final class JobCancellationsTrigger implements Operation {
    private final Emulator emulator;

    public JobCancellationsTrigger(Emulator emulator) {
        this.emulator = emulator;
    }

    @Override
    public ApiResponse handle(ApiRequest req) {
        Vault vault = Lookups.vault(emulator, req);
        Job job = Lookups.job(vault, req.param("jobName"));
        switch (job.cancel(req.now())) {
            case ALREADY_FINISHED -> throw ApiError.badRequest("BMSUserErrorJobNotCancellable",
                    "The job '" + job.id() + "' has already finished with status "
                            + job.at(job.endsAt()).status() + " and cannot be cancelled.");
            case NOT_CANCELLABLE -> throw ApiError.badRequest("BMSUserErrorJobNotCancellable",
                    "The job '" + job.id() + "' cannot be cancelled at this stage of its " + job.operation()
                            + " operation.");
            default -> {
                AsyncOperation op = vault.trackCancel(job, req.now());
                return Lookups.accepted(emulator, req, null, TriggerPaths.cancelResult(vault, op));
            }
        }
    }
}
