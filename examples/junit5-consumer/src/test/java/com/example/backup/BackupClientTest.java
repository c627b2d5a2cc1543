package com.example.backup;

import static io.backupmock.testkit.BackupMockAssertions.assertThat;
import static java.time.Duration.ofMinutes;

import io.backupmock.testkit.BackupMock;
import io.backupmock.testkit.BackupMockTest;
import io.backupmock.testkit.JobErrorDetail;
import io.backupmock.testkit.JobScript;
import io.backupmock.testkit.JobStatus;
import io.backupmock.testkit.TestVault;
import org.junit.jupiter.api.Test;

@BackupMockTest
class BackupClientTest {
    @Test
    void aBackupRunsToItsEndAndTheClientPollsPolitely(BackupMock azure) throws Exception {
        TestVault vault = azure.vault();                      // testVaultRG/testVault, in this test's subscription
        vault.nextJobs(JobScript.backup()
                .task("Take Snapshot", ofMinutes(2)).task("Transfer data to vault", ofMinutes(18))
                .completesWithWarnings(JobErrorDetail.warning("Some files could not be backed up.")));
        // Your client, pointed at the emulator; its waits move this test's virtual clock.
        BackupClient client = new BackupClient(azure.httpClient(), azure.baseUri(), azure.token(),
                azure.clock()::advance);

        String jobId = client.backUp(vault.vm().path(), vault.path());

        assertThat(vault.job(jobId)).hasStatus(JobStatus.CompletedWithWarnings)
                .hasTask("Transfer data to vault", "Completed");
        assertThat(azure.journal()).receivedBackupTrigger(vault.vm().name())
                .honouredRetryAfter().stoppedPollingAtTerminalState().noSchemaViolations();
    }
}
