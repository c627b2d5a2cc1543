package io.backupmock.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobTest {
    static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");
    static final JobSubject VM = new JobSubject("testVM", "iaasvmcontainerv2;testRG;testVM",
            BackupManagementType.AzureIaasVM, "VM", "key");

    static Job job(JobScript script) {
        return new Job("job-1", JobOperation.Backup, JobType.AzureIaaSVMJob, VM, script, T0);
    }

    static JobScript backup() {
        return JobScript.builder(JobOperation.Backup)
                .task("Take Snapshot", Duration.ofSeconds(10))
                .task("Transfer data to vault", Duration.ofSeconds(20))
                .build();
    }

    @Test
    void statusIsAFunctionOfTime() {
        Job job = job(backup());
        assertThat(job.at(T0).status()).isEqualTo(JobStatus.InProgress);
        assertThat(job.at(T0.plusSeconds(29)).status()).isEqualTo(JobStatus.InProgress);
        assertThat(job.at(T0.plusSeconds(30)).status()).isEqualTo(JobStatus.Completed);
        assertThat(job.at(T0.plusSeconds(5)).status()).as("reading later does not change the past")
                .isEqualTo(JobStatus.InProgress);
    }

    @Test
    void tasksRunOneAfterAnother() {
        JobSnapshot at15 = job(backup()).at(T0.plusSeconds(15));
        assertThat(at15.tasks()).extracting(TaskSnapshot::status).containsExactly("Completed", "InProgress");
        TaskSnapshot transfer = at15.tasks().get(1);
        assertThat(transfer.startTime()).isEqualTo(T0.plusSeconds(10));
        assertThat(transfer.endTime()).isNull();
        assertThat(transfer.duration()).isEqualTo(Duration.ofSeconds(5));
        assertThat(transfer.progressPercentage()).isEqualTo(25.0);
        assertThat(at15.progressPercentage()).isEqualTo(50.0);
        assertThat(at15.duration()).isEqualTo(Duration.ofSeconds(15));
        assertThat(job(backup()).at(T0.plusSeconds(5)).tasks().get(1).status()).isEqualTo("NotStarted");
    }

    @Test
    void completedJobHasEndTimeAndFullDuration() {
        JobSnapshot done = job(backup()).at(T0.plusSeconds(100));
        assertThat(done.endTime()).isEqualTo(T0.plusSeconds(30));
        assertThat(done.duration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(done.cancellable()).isFalse();
        assertThat(done.tasks()).extracting(TaskSnapshot::status).containsOnly("Completed");
    }

    @Test
    void failedJobFailsItsLastTaskAndCarriesErrors() {
        JobErrorDetail error = new JobErrorDetail(400002, "UserErrorVmNotFoundV2", "Virtual machine doesn't exist.",
                List.of("Check the VM."));
        Job job = job(backup().toBuilder().fails(error).build());
        assertThat(job.at(T0.plusSeconds(29)).errorDetails()).as("errors show only at the end").isEmpty();
        JobSnapshot failed = job.at(T0.plusSeconds(30));
        assertThat(failed.status()).isEqualTo(JobStatus.Failed);
        assertThat(failed.errorDetails()).containsExactly(error);
        assertThat(failed.tasks()).extracting(TaskSnapshot::status).containsExactly("Completed", "Failed");
    }

    @Test
    void completesWithWarnings() {
        JobErrorDetail warning = new JobErrorDetail(null, null, "Some files were skipped.", List.of());
        JobSnapshot done = job(backup().toBuilder().completesWithWarnings(warning).build()).at(T0.plusSeconds(30));
        assertThat(done.status()).isEqualTo(JobStatus.CompletedWithWarnings);
        assertThat(done.errorDetails()).containsExactly(warning);
    }

    @Test
    void cancelMovesThroughCancellingToCancelled() {
        Job job = job(backup());
        assertThat(job.cancel(T0.plusSeconds(12))).isEqualTo(Job.CancelResult.ACCEPTED);
        JobSnapshot cancelling = job.at(T0.plusSeconds(13));
        assertThat(cancelling.status()).isEqualTo(JobStatus.Cancelling);
        assertThat(cancelling.cancellable()).isFalse();
        JobSnapshot cancelled = job.at(T0.plusSeconds(14));
        assertThat(cancelled.status()).isEqualTo(JobStatus.Cancelled);
        assertThat(cancelled.endTime()).isEqualTo(T0.plusSeconds(14));
        assertThat(cancelled.tasks()).extracting(TaskSnapshot::status).containsExactly("Completed", "Cancelled");
        assertThat(job.at(T0.plusSeconds(60)).status()).as("a cancelled job never completes")
                .isEqualTo(JobStatus.Cancelled);
        assertThat(job.cancel(T0.plusSeconds(20))).isEqualTo(Job.CancelResult.ALREADY_FINISHED);
    }

    @Test
    void secondCancelWhileCancellingIsAcknowledged() {
        Job job = job(backup());
        job.cancel(T0.plusSeconds(1));
        assertThat(job.cancel(T0.plusSeconds(2))).isEqualTo(Job.CancelResult.ALREADY_CANCELLING);
        assertThat(job.cancelledAt()).isEqualTo(T0.plusSeconds(3));
    }

    @Test
    void finishedOrUncancellableJobsRefuseCancel() {
        assertThat(job(backup()).cancel(T0.plusSeconds(30))).isEqualTo(Job.CancelResult.ALREADY_FINISHED);
        Job fixed = job(backup().toBuilder().cancellable(false).build());
        assertThat(fixed.at(T0).cancellable()).isFalse();
        assertThat(fixed.cancel(T0.plusSeconds(1))).isEqualTo(Job.CancelResult.NOT_CANCELLABLE);
        assertThat(fixed.at(T0.plusSeconds(30)).status()).isEqualTo(JobStatus.Completed);
    }

    @Test
    void jobWithoutTasksRunsForItsDuration() {
        Job job = job(JobScript.builder(JobOperation.ConfigureBackup).duration(Duration.ofSeconds(5)).build());
        assertThat(job.at(T0.plusSeconds(4)).status()).isEqualTo(JobStatus.InProgress);
        assertThat(job.at(T0.plusSeconds(5)).status()).isEqualTo(JobStatus.Completed);
        assertThat(job(JobScript.builder(JobOperation.Backup).build()).at(T0).status())
                .as("no tasks and no duration: done at once").isEqualTo(JobStatus.Completed);
    }

    @Test
    void scriptRefusesWhatCannotHappen() {
        assertThatThrownBy(() -> backup().toBuilder().duration(Duration.ofSeconds(1)).build())
                .hasMessageContaining("either tasks or duration");
        assertThatThrownBy(() -> new JobScript(JobOperation.Backup, null, null, null, JobStatus.Cancelled, null, null, null,
                null, null, null)).hasMessageContaining("outcome must be");
        assertThatThrownBy(() -> new TaskScript("t", Duration.ofSeconds(-1))).hasMessageContaining("negative");
    }
}
