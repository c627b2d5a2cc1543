package io.backupmock.server.tracking;

import io.backupmock.server.jobs.Job;
import io.backupmock.server.jobs.JobFilter;
import io.backupmock.server.jobs.OperationScript;
import java.time.Instant;
import java.util.Objects;

/**
 * A long-running operation that a 202 hands out, polled through its status and result URLs. Like
 * a job, its state at an instant is computed, not stored.
 */
public final class AsyncOperation {

    /** What started the operation; decides its URLs and what its result looks like. */
    public enum Kind {
        /** Backup, restore or protection change on a protected item: item-level status and result URLs. */
        ITEM,
        /** Deleting a protected item: vault-level backupOperations / backupOperationResults URLs. */
        ITEM_DELETE,
        /** Cancelling a job: done when the job is Cancelled. */
        JOB_CANCEL,
        /** Exporting jobs: its result carries the blob the export was written to. */
        EXPORT
    }

    private static final OperationScript.OperationError TOO_LATE = new OperationScript.OperationError(
            "BMSUserErrorJobNotCancellable", "The job finished before the cancellation took effect.");

    private final String id;
    private final Kind kind;
    private final Instant start;
    private final OperationScript script;
    private final Job job;
    private final String itemKey;
    private final JobFilter exportFilter;

    public AsyncOperation(String id, Kind kind, Instant start, OperationScript script, Job job, String itemKey,
                          JobFilter exportFilter) {
        this.id = Objects.requireNonNull(id, "id");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.start = Objects.requireNonNull(start, "start");
        this.script = Objects.requireNonNull(script, "script");
        this.job = job;
        this.itemKey = itemKey;
        this.exportFilter = exportFilter;
    }

    public String id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    /** The job this operation created or cancels, or null. */
    public Job job() {
        return job;
    }

    /** The protected item the operation acts on, or null. */
    public String itemKey() {
        return itemKey;
    }

    /** For exports: which jobs go into the report. */
    public JobFilter exportFilter() {
        return exportFilter;
    }

    /** The instant the operation finishes. */
    public Instant end() {
        if (kind == Kind.JOB_CANCEL) {
            return job.endsAt();
        }
        return start.plus(script.inProgressFor());
    }

    public OperationState at(Instant t) {
        Instant end = end();
        if (t.isBefore(end)) {
            return new OperationState(this, OperationStatusValue.InProgress, start, null, null, null);
        }
        if (script.fails()) {
            return new OperationState(this, OperationStatusValue.Failed, start, end, script.error(), null);
        }
        if (kind == Kind.JOB_CANCEL && job.at(end).status() != io.backupmock.server.jobs.JobStatus.Cancelled) {
            return new OperationState(this, OperationStatusValue.Failed, start, end, TOO_LATE, null);
        }
        String jobId = kind == Kind.JOB_CANCEL || job == null ? null : job.id();
        return new OperationState(this, OperationStatusValue.Succeeded, start, end, null, jobId);
    }
}
