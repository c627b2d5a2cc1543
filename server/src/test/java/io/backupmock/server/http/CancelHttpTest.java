package io.backupmock.server.http;

import static io.backupmock.server.http.TestEmulator.newSubscription;
import static io.backupmock.server.http.TestEmulator.vaultPath;
import static org.assertj.core.api.Assertions.assertThat;

import io.backupmock.server.http.TestEmulator.Reply;
import io.backupmock.server.jobs.JobOperation;
import io.backupmock.server.jobs.JobScript;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CancelHttpTest {
    @RegisterExtension
    static final TestEmulator emulator = new TestEmulator();

    @Test
    void cancelAnswers202WithLocationOnlyThenTheJobIsCancelled() {
        String sub = newSubscription();
        String jobId = emulator.backupJob(sub);
        String jobPath = vaultPath(sub) + "/backupJobs/" + jobId;

        Reply accepted = emulator.send("POST", jobPath + "/cancel", null);
        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.header("Azure-AsyncOperation")).isNull();
        assertThat(accepted.header("Retry-After")).isEqualTo("1");
        String location = accepted.header("Location");
        assertThat(location).startsWith(emulator.server.baseUri() + jobPath + "/operationResults/");

        assertThat(emulator.get(jobPath).json().at("/properties/status").asText()).isEqualTo("Cancelling");
        Reply running = emulator.get(location);
        assertThat(running.status()).isEqualTo(202);
        assertThat(running.header("Location")).isEqualTo(location);

        emulator.clock.advance(Duration.ofSeconds(2));
        assertThat(emulator.get(location).status()).isEqualTo(204);
        assertThat(emulator.get(jobPath).json().at("/properties/status").asText()).isEqualTo("Cancelled");

        emulator.clock.advance(Duration.ofMinutes(5));
        assertThat(emulator.get(jobPath).json().at("/properties/status").asText())
                .as("a cancelled job never completes").isEqualTo("Cancelled");
    }

    @Test
    void cancellingAFinishedJobIs400() {
        String sub = newSubscription();
        String jobId = emulator.backupJob(sub);
        emulator.clock.advance(Duration.ofMinutes(1));
        Reply reply = emulator.send("POST", vaultPath(sub) + "/backupJobs/" + jobId + "/cancel", null);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo("BMSUserErrorJobNotCancellable");
        assertThat(reply.json().at("/error/message").asText()).contains("Completed");
    }

    @Test
    void aJobScriptedNotCancellableRefusesCancel() {
        String sub = newSubscription();
        emulator.server.emulator().tenancy().vault(sub, "testVaultRG", "testVault").queueNextJobs(List.of(
                JobScript.builder(JobOperation.Backup).duration(Duration.ofMinutes(5)).cancellable(false).build()));
        String jobId = emulator.backupJob(sub);
        Reply job = emulator.get(vaultPath(sub) + "/backupJobs/" + jobId);
        assertThat(job.json().at("/properties/actionsInfo").isMissingNode()).isTrue();
        Reply reply = emulator.send("POST", vaultPath(sub) + "/backupJobs/" + jobId + "/cancel", null);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo("BMSUserErrorJobNotCancellable");
    }

    @Test
    void unknownJobOrOperationIs404() {
        String sub = newSubscription();
        Reply job = emulator.get(vaultPath(sub) + "/backupJobs/00000000-1111-4222-8333-444444444444");
        assertThat(job.status()).isEqualTo(404);
        assertThat(job.errorCode()).isEqualTo("ResourceNotFound");
        Reply cancel = emulator.send("POST", vaultPath(sub) + "/backupJobs/nope/cancel", null);
        assertThat(cancel.status()).isEqualTo(404);
        Reply op = emulator.get(vaultPath(sub) + "/backupOperations/00000000-1111-4222-8333-444444444444");
        assertThat(op.status()).isEqualTo(404);
        assertThat(op.errorCode()).isEqualTo("ResourceNotFound");
        String jobId = emulator.backupJob(sub);
        assertThat(emulator.get(vaultPath(sub) + "/backupJobs/" + jobId + "/operationResults/nope").status())
                .isEqualTo(404);
    }

    @Test
    void operationIdsOfOneKindAreNotFoundAtAnotherKindsUrl() {
        String sub = newSubscription();
        Reply accepted = emulator.triggerBackup(sub);
        String opId = BackupFlowHttpTest.opId(accepted.header("Location"));
        assertThat(emulator.get(vaultPath(sub) + "/backupJobs/operationResults/" + opId).status()).isEqualTo(404);
        assertThat(emulator.get(vaultPath(sub) + "/backupOperationResults/" + opId).status()).isEqualTo(404);
    }
}
