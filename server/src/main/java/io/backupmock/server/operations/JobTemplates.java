package io.backupmock.server.operations;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.backupmock.server.jobs.Job;
import io.backupmock.server.jobs.JobSnapshot;
import io.backupmock.server.tenancy.Vault;
import io.backupmock.server.wire.JobTemplate;
import java.util.ArrayList;
import java.util.List;

/**
 * The templates of the jobs asked for lately ({@link JobTemplate}: a job's bytes made once per
 * phase, the clock's values filled in on each GET), for a running job's details and for list pages.
 * Jobs are held weakly, and the most recently used few thousand kept, so a vault of 100,000 jobs
 * costs no more than its pages asked for.
 */
final class JobTemplates {
    static final int KEPT = 4_096;

    /** Upkeep on the thread that asks (as {@link EndedJobAnswers}'s): see there. */
    private final Cache<Job, Kept> kept = Caffeine.newBuilder().weakKeys().maximumSize(KEPT).executor(Runnable::run)
            .build();

    /** A job's two templates, each replaced when the job moves to another phase. */
    private static final class Kept {
        volatile JobTemplate details;
        volatile JobTemplate entry;
    }

    /** A JobResource with its extendedInfo: the bytes {@code JobRenderer.bytes(vault, job, true)} gives. */
    byte[] details(Vault vault, JobSnapshot job) {
        return template(vault, job, true).bytes(job);
    }

    /** A page of a job list: the bytes {@code JobRenderer.listBytes(vault, jobs, nextLink)} gives. */
    byte[] page(Vault vault, List<JobSnapshot> jobs, String nextLink) {
        List<JobTemplate> templates = new ArrayList<>(jobs.size());
        for (JobSnapshot job : jobs) {
            templates.add(template(vault, job, false));
        }
        return JobTemplate.page(templates, jobs, nextLink);
    }

    private JobTemplate template(Vault vault, JobSnapshot job, boolean details) {
        Kept k = kept.get(job.job(), j -> new Kept());
        JobTemplate t = details ? k.details : k.entry;
        if (t == null || !t.fits(job)) {
            t = JobTemplate.of(vault, job, details);
            if (details) {
                k.details = t;
            } else {
                k.entry = t;
            }
        }
        return t;
    }
}
