package io.backupmock.testkit.showcase;

import static io.backupmock.testkit.BackupMockAssertions.assertThat;
import static io.backupmock.testkit.BackupMockAssertions.assertThatJob;
import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backupmock.testkit.BackupMock;
import io.backupmock.testkit.BackupMockTest;
import io.backupmock.testkit.JobErrorDetail;
import io.backupmock.testkit.JobScript;
import io.backupmock.testkit.TestItem;
import io.backupmock.testkit.TestVault;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The showcase: a job tracker tested against the emulator, every outcome, in virtual time. */
@BackupMockTest
class JobTrackerTest {
    TestVault vault;
    TestItem vm;
    JobTracker tracker;

    @BeforeEach
    void connect(BackupMock azure) {
        vault = azure.vault();
        vm = vault.vm("testRG", "testVM");
        // Waiting moves this test's virtual clock: a 20-minute backup takes milliseconds.
        tracker = new JobTracker(azure.httpClient(), azure.baseUri(), azure.token(), azure.clock()::advance,
                ofSeconds(30));
    }

    @Test
    void backupCompletes(BackupMock azure) throws Exception {
        JobTracker.Accepted accepted = tracker.triggerBackup(vm.path());
        String jobId = tracker.waitForJobId(accepted);
        JobTracker.FinishedJob job = tracker.waitForJob(vault.path(), jobId);

        assertThatJob(job.resource()).hasStatus("Completed").hasOperation("Backup")
                .hasTask("Take Snapshot", "Completed").hasTask("Transfer data to vault", "Completed");
        assertThat(azure.journal()).receivedBackupTrigger(vm.name())
                .honouredRetryAfter().stoppedPollingAtTerminalState().noSchemaViolations();
        assertThat(azure.journal()).polled(jobId).atMost(2);
    }

    @Test
    void backupCompletesWithWarnings(BackupMock azure) throws Exception {
        vault.nextJobs(JobScript.backup()
                .task("Take Snapshot", ofMinutes(2)).task("Transfer data to vault", ofMinutes(18))
                .completesWithWarnings(JobErrorDetail.warning("Some files could not be backed up.")));

        String jobId = tracker.waitForJobId(tracker.triggerBackup(vm.path()));
        JobTracker.FinishedJob job = tracker.waitForJob(vault.path(), jobId);

        assertThatJob(job.resource()).hasStatus("CompletedWithWarnings").endedAfter(azure.clock().instant().minus(ofMinutes(21)));
        assertThat(azure.journal()).polled(jobId).atLeast(40).stoppedAtTerminalState();
    }

    @Test
    void backupFailsWithErrorDetails(BackupMock azure) throws Exception {
        vault.nextJobs(JobScript.backup().task("Take Snapshot", ofMinutes(1))
                .fails(JobErrorDetail.of(400002, "UserErrorVmNotFoundV2", "Virtual machine doesn't exist.",
                        "Make sure the virtual machine exists.")));

        String jobId = tracker.waitForJobId(tracker.triggerBackup(vm.path()));
        JobTracker.FinishedJob job = tracker.waitForJob(vault.path(), jobId);

        assertThatJob(job.resource()).hasStatus("Failed").hasErrorCode(400002).hasTask("Take Snapshot", "Failed");
        assertThat(azure.journal()).stoppedPollingAtTerminalState();
    }

    @Test
    void aJobFailingMidwayIsReportedFailed(BackupMock azure) throws Exception {
        String jobId = tracker.waitForJobId(tracker.triggerBackup(vm.path()));
        azure.clock().advance(ofSeconds(12));
        vault.failJob(jobId, JobErrorDetail.of(400050, "UserErrorVmProvisioningStateFailed", "The VM is in a failed state."));

        assertThatJob(tracker.waitForJob(vault.path(), jobId).resource()).hasStatus("Failed").hasErrorCode(400050)
                .hasTask("Take Snapshot", "Completed").hasTask("Transfer data to vault", "Failed");
    }

    @Test
    void backupIsCancelled(BackupMock azure) throws Exception {
        String jobId = tracker.waitForJobId(tracker.triggerBackup(vm.path()));
        tracker.cancel(vault.path(), jobId);
        JobTracker.FinishedJob job = tracker.waitForJob(vault.path(), jobId);

        assertThatJob(job.resource()).hasStatus("Cancelled");
        assertThat(azure.journal()).honouredRetryAfter().stoppedPollingAtTerminalState();
    }

    @Test
    void throttlingIsWaitedOut(BackupMock azure) throws Exception {
        azure.throttle(2, 7);

        String jobId = tracker.waitForJobId(tracker.triggerBackup(vm.path()));

        assertThatJob(tracker.waitForJob(vault.path(), jobId).resource()).hasStatus("Completed");
        assertThat(azure.journal()).receivedBackupTrigger(vm.name()).honouredRetryAfter();
        org.assertj.core.api.Assertions.assertThat(azure.journal().backupTriggers(vm.name())).hasSize(3);
    }

    @Test
    void aFailedTriggerSurfacesAzuresError(BackupMock azure) {
        assertThatThrownBy(() -> tracker.triggerBackup(vault.path()
                + "/backupFabrics/Azure/protectionContainers/c/protectedItems/Widget;w"))
                .isInstanceOf(JobTracker.AzureError.class)
                .hasMessageContaining("BMSUserErrorDataSourceObjectNotFound");
    }
}
