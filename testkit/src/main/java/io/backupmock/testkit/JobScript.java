package io.backupmock.testkit;

import io.backupmock.server.jobs.JobOperation;
import io.backupmock.server.jobs.JobType;
import io.backupmock.server.wire.Json;
import java.time.Duration;
import java.util.Arrays;

/**
 * The life of one job, decided up front: its tasks and how long each runs, how it ends, whether it
 * can be cancelled, and how the operation that creates it behaves. The same script, as JSON, is what
 * a configuration file's {@code nextJobs} or the admin API take.
 *
 * <pre>{@code
 * vault.nextJobs(JobScript.backup()
 *         .task("Take Snapshot", ofMinutes(2)).task("Transfer data to vault", ofMinutes(18))
 *         .completesWithWarnings(JobErrorDetail.warning("Some files could not be backed up.")));
 * }</pre>
 */
public final class JobScript {
    private final io.backupmock.server.jobs.JobScript script;

    private JobScript(io.backupmock.server.jobs.JobScript script) {
        this.script = script;
    }

    /** A script for the next Backup job. */
    public static Builder backup() {
        return new Builder(io.backupmock.server.jobs.JobScript.backup());
    }

    /** A script for the next Restore job. */
    public static Builder restore() {
        return new Builder(io.backupmock.server.jobs.JobScript.restore());
    }

    /** A script for the next ConfigureBackup job (a {@code PUT} of a protected item). */
    public static Builder configureBackup() {
        return new Builder(io.backupmock.server.jobs.JobScript.builder(JobOperation.ConfigureBackup));
    }

    /** A script for the next DisableBackup job (protection stopped, data kept). */
    public static Builder disableBackup() {
        return new Builder(io.backupmock.server.jobs.JobScript.builder(JobOperation.DisableBackup));
    }

    /** A script for the next DeleteBackupData job (a {@code DELETE} of a protected item). */
    public static Builder deleteBackupData() {
        return new Builder(io.backupmock.server.jobs.JobScript.builder(JobOperation.DeleteBackupData));
    }

    /** A script for the next job, whatever its operation. */
    public static Builder anyJob() {
        return new Builder(io.backupmock.server.jobs.JobScript.anyJob());
    }

    /** How long the job runs when nobody cancels or fails it. */
    public Duration totalDuration() {
        return script.totalDuration();
    }

    io.backupmock.server.jobs.JobScript model() {
        return script;
    }

    /** The script as the JSON a configuration file or the admin API takes. */
    @Override
    public String toString() {
        return Json.mapper().valueToTree(script).toString();
    }

    /** Builds a {@link JobScript}; every call but {@link #build()} answers the builder. */
    public static final class Builder {
        private final io.backupmock.server.jobs.JobScript.Builder builder;

        private Builder(io.backupmock.server.jobs.JobScript.Builder builder) {
            this.builder = builder;
        }

        /** A task, run after the ones before it; the job runs for the tasks' total. */
        public Builder task(String name, Duration runsFor) {
            builder.task(name, runsFor);
            return this;
        }

        /** How long a job without tasks runs. */
        public Builder duration(Duration runsFor) {
            builder.duration(runsFor);
            return this;
        }

        /** Ends Completed (the default). */
        public Builder completes() {
            builder.completes();
            return this;
        }

        /** Ends CompletedWithWarnings, with these in {@code errorDetails}. */
        public Builder completesWithWarnings(JobErrorDetail... warnings) {
            builder.completesWithWarnings(JobErrorDetail.models(warnings)
                    .toArray(io.backupmock.server.jobs.JobErrorDetail[]::new));
            return this;
        }

        /** Ends Failed, with these in {@code errorDetails}; the last task fails. */
        public Builder fails(JobErrorDetail... errors) {
            builder.fails(JobErrorDetail.models(errors).toArray(io.backupmock.server.jobs.JobErrorDetail[]::new));
            return this;
        }

        /** Whether a cancel is accepted while the job runs (default true). */
        public Builder cancellable(boolean value) {
            builder.cancellable(value);
            return this;
        }

        /** How long the job stays Cancelling before it is Cancelled (default two seconds). */
        public Builder cancellationTime(Duration value) {
            builder.cancellationTime(value);
            return this;
        }

        /** An entry of {@code extendedInfo.propertyBag}. */
        public Builder property(String key, String value) {
            builder.property(key, value);
            return this;
        }

        /** How the operation of the trigger that makes this job behaves. */
        public Builder trigger(OperationScript value) {
            builder.trigger(value.model());
            return this;
        }

        /** A cancel is accepted but arrives as the job completes, so the job runs on to its outcome. */
        public Builder cancelArrivesTooLate() {
            builder.cancelArrivesTooLate();
            return this;
        }

        /**
         * The job's {@code jobType} when it should not be the one its item implies: {@code AzureIaaSVMJob},
         * {@code AzureIaaSVMJobV2}, {@code AzureStorageJob}, {@code AzureWorkloadJob}, {@code DpmJob},
         * {@code MabJob} or {@code VaultJob}.
         */
        public Builder jobType(String jobType) {
            for (JobType type : JobType.values()) {
                if (type.name().equalsIgnoreCase(jobType)) {
                    builder.jobType(type);
                    return this;
                }
            }
            throw new IllegalArgumentException("jobType '" + jobType + "' is none of " + Arrays.toString(JobType.values()));
        }

        /** @throws IllegalArgumentException if the script could not happen (both tasks and a duration, say) */
        public JobScript build() {
            return new JobScript(builder.build());
        }
    }
}
