package io.backupmock.server.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.backupmock.contracts.Schemas;
import io.backupmock.server.gateway.ApiResponse;
import io.backupmock.server.jobs.Job;
import io.backupmock.server.jobs.JobSnapshot;
import io.backupmock.server.jobs.JobStatus;
import io.backupmock.server.tenancy.Vault;
import io.backupmock.server.wire.JobRenderer;
import io.backupmock.server.wire.Json;
import java.time.Instant;

/**
 * A finished job's JobResource, rendered once and then sent as the same bytes: an ended job never
 * changes, and pollers ask for it again and again. Checked against its schema once, when kept (if
 * the server checks its answers), rather than on every poll. Jobs are held weakly (a forgotten
 * subscription takes its entries with it) and the bytes softly; an entry is made afresh should the
 * job's end differ from the kept one's.
 */
final class EndedJobAnswers {
    /**
     * Caffeine's upkeep (dropping entries whose job is gone) runs on the thread that asks, a little
     * at a time: on its own pool it woke a thread every few reads, which cost a poll more than the upkeep itself.
     */
    private final Cache<Job, Kept> kept = Caffeine.newBuilder().weakKeys().softValues().executor(Runnable::run)
            .build();
    private final boolean checked;

    private record Kept(JobStatus status, Instant end, byte[] bytes) {
        boolean isFor(JobSnapshot ended) {
            return status == ended.status() && end.equals(ended.endTime());
        }
    }

    /** @param checked whether answers are checked against their schemas before they leave */
    EndedJobAnswers(boolean checked) {
        this.checked = checked;
    }

    /** The answer kept for the job read, if it has ended and its answer is kept; else null. */
    ApiResponse kept(Job.Reading reading) {
        JobStatus status = reading.status();
        if (!status.isTerminal()) {
            return null;
        }
        Kept k = kept.getIfPresent(reading.job());
        // An ended job's marks no longer change, so its end is the one its snapshot would show.
        if (k == null || k.status != status || !k.end.equals(reading.job().endsAt())) {
            return null;
        }
        ApiResponse response = ApiResponse.ok(k.bytes());
        return checked ? response.conforming() : response;
    }

    ApiResponse answer(Vault vault, JobSnapshot ended) {
        if (!ended.status().isTerminal()) {
            throw new IllegalArgumentException("job " + ended.id() + " has not ended");
        }
        Kept k = kept.getIfPresent(ended.job());
        if (k == null || !k.isFor(ended)) {
            JsonNode tree = JobRenderer.render(vault, ended, true);
            if (checked && !Schemas.JOB_RESOURCE.validate(tree).isEmpty()) {
                // Not kept: the self-check reports it on every answer.
                return ApiResponse.ok(tree);
            }
            k = new Kept(ended.status(), ended.endTime(), Json.bytes(tree));
            kept.put(ended.job(), k);
        }
        ApiResponse response = ApiResponse.ok(k.bytes());
        return checked ? response.conforming() : response;
    }
}
