package io.backupmock.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import io.backupmock.server.jobs.JobSnapshot;
import io.backupmock.server.tenancy.Vault;
import io.backupmock.server.wire.JobRenderer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A job as it was at one instant of the test's clock: an immutable copy, never the live job.
 * {@link #json()} is the JobResource Azure would answer then, so
 * {@code assertThatJob(vault.job(id))} checks the same thing a client would read.
 */
public final class TestJob {
    private final JobSnapshot snapshot;
    private final JsonNode json;

    TestJob(Vault vault, JobSnapshot snapshot) {
        this.snapshot = snapshot;
        this.json = JobRenderer.render(vault, snapshot, true);
    }

    public String id() {
        return snapshot.id();
    }

    public JobStatus status() {
        return JobStatus.of(snapshot.status());
    }

    /** e.g. {@code Backup}, {@code Restore}, {@code ConfigureBackup}: the job's {@code operation}. */
    public String operation() {
        return snapshot.job().operation().name();
    }

    public Instant startTime() {
        return snapshot.startTime();
    }

    /** Null while the job runs. */
    public Instant endTime() {
        return snapshot.endTime();
    }

    public Duration duration() {
        return snapshot.duration();
    }

    /** Whether a cancel would be accepted now ({@code actionsInfo: ["Cancellable"]}). */
    public boolean cancellable() {
        return snapshot.cancellable();
    }

    /** Errors of a Failed job, warnings of one CompletedWithWarnings; empty otherwise. */
    public List<JobErrorDetail> errorDetails() {
        return snapshot.errorDetails().stream().map(JobErrorDetail::of).toList();
    }

    /** The JobResource (with extendedInfo) as the emulator answers it at that instant; a copy. */
    public JsonNode json() {
        return json.deepCopy();
    }

    @Override
    public String toString() {
        return "TestJob" + json;
    }
}
