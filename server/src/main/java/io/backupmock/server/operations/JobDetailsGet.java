package io.backupmock.server.operations;

import io.backupmock.server.state.Emulator;
import io.backupmock.server.gateway.ApiRequest;
import io.backupmock.server.gateway.ApiResponse;
import io.backupmock.server.gateway.Operation;
import io.backupmock.server.jobs.JobSnapshot;
import io.backupmock.server.tenancy.Vault;
import io.backupmock.server.wire.JobRenderer;

/** JobDetails_Get: {@code GET …/vaults/{v}/backupJobs/{job}} → 200 JobResource with its extendedInfo. */
public final class JobDetailsGet implements Operation {
    private final Emulator emulator;
    private final EndedJobAnswers ended;

    public JobDetailsGet(Emulator emulator) {
        this.emulator = emulator;
        this.ended = new EndedJobAnswers(emulator.settings().validateResponses());
    }

    @Override
    public ApiResponse handle(ApiRequest req) {
        Vault vault = Lookups.vault(emulator, req);
        JobSnapshot job = Lookups.job(vault, req.param("jobName")).at(req.now());
        if (!job.status().isTerminal()) {
            // Streamed to bytes, no tree: what a poller of a running job asks for again and again.
            return ApiResponse.ok(JobRenderer.bytes(vault, job, true));
        }
        // What pollers ask for most, and it never changes again: rendered once.
        return ended.answer(vault, job);
    }
}
