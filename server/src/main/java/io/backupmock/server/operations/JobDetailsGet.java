package io.backupmock.server.operations;

import io.backupmock.server.state.Emulator;
import io.backupmock.server.gateway.ApiRequest;
import io.backupmock.server.gateway.ApiResponse;
import io.backupmock.server.gateway.Operation;
import io.backupmock.server.jobs.Job;
import io.backupmock.server.jobs.JobSnapshot;
import io.backupmock.server.tenancy.Vault;

/** JobDetails_Get: {@code GET …/vaults/{v}/backupJobs/{job}} → 200 JobResource with its extendedInfo. */
public final class JobDetailsGet implements Operation {
    private final Emulator emulator;
    private final EndedJobAnswers ended;
    private final JobTemplates running = new JobTemplates(true);

    public JobDetailsGet(Emulator emulator) {
        this.emulator = emulator;
        this.ended = new EndedJobAnswers(emulator.settings().validateResponses());
    }

    @Override
    public ApiResponse handle(ApiRequest req) {
        Vault vault = Lookups.vault(emulator, req);
        Job.Reading reading = Lookups.job(vault, req.param("jobName")).read(req.now());
        // What pollers ask for most once it has ended, and it never changes again: kept, found without a snapshot.
        ApiResponse kept = ended.kept(reading);
        if (kept != null) {
            return kept;
        }
        JobSnapshot job = reading.snapshot();
        if (!job.status().isTerminal()) {
            // What a poller of a running job asks for again and again: its phase's bytes, the clock's values filled in.
            return ApiResponse.ok(running.of(vault, job).bytes(job));
        }
        return ended.answer(vault, job);
    }
}
