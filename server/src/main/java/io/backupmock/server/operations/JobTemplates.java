package io.backupmock.server.operations;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.backupmock.server.jobs.Job;
import io.backupmock.server.jobs.JobSnapshot;
import io.backupmock.server.tenancy.Vault;
import io.backupmock.server.wire.JobTemplate;

/**
 * The templates of the jobs asked for lately, of one kind: a job's details (with extendedInfo) or
 * its list entry ({@link JobTemplate}: a job's bytes made once per phase, the clock's values filled in
 * on each GET). Jobs are held weakly, and the most recently used few thousand kept, so a vault of
 * 100,000 jobs costs no more than its pages asked for.
 */
final class JobTemplates {
    static final int KEPT = 4_096;

    private final boolean withExtendedInfo;
    /** Upkeep on the thread that asks (as {@link EndedJobAnswers}'s): see there. */
    private final Cache<Job, JobTemplate> kept = Caffeine.newBuilder().weakKeys().maximumSize(KEPT)
            .executor(Runnable::run).build();

    /** @param withExtendedInfo true for a job's details, false for its list entry */
    JobTemplates(boolean withExtendedInfo) {
        this.withExtendedInfo = withExtendedInfo;
    }

    /** The template of {@code job}'s phase: the one kept, or a new one (kept in its place). */
    JobTemplate of(Vault vault, JobSnapshot job) {
        JobTemplate t = kept.getIfPresent(job.job());
        if (t == null || !t.fits(job)) {
            t = JobTemplate.of(vault, job, withExtendedInfo);
            kept.put(job.job(), t);
        }
        return t;
    }
}
