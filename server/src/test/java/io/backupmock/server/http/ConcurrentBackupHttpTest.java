package io.backupmock.server.http;

import static io.backupmock.server.http.TestEmulator.newSubscription;
import static io.backupmock.server.http.TestEmulator.vaultPath;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.backupmock.server.http.TestEmulator.Reply;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A backup triggered while a backup of the same item runs: by default its job fails at once with
 * Azure's UserErrorBackupOperationInProgress; the scenario's {@code concurrentBackup} switches to
 * refusing the trigger, or to allowing both.
 */
class ConcurrentBackupHttpTest {
    static final String SCENARIO = "/backupmock/admin/scenario";

    @RegisterExtension
    static final TestEmulator emulator = new TestEmulator();

    @AfterEach
    void builtInScenarioAgain() {
        emulator.server.emulator().tenancy().restoreInitialScenario();
    }

    JsonNode job(String sub, String jobId) {
        return emulator.get(vaultPath(sub) + "/backupJobs/" + jobId).json();
    }

    @Test
    void aSecondBackupWhileOneRunsGetsAFailedJob() {
        String sub = newSubscription();
        String first = emulator.backupJob(sub);
        Reply second = emulator.triggerBackup(sub);
        assertThat(second.status()).isEqualTo(202);
        String statusUrl = second.header("Azure-AsyncOperation");
        assertThat(emulator.get(statusUrl).json().get("status").asText()).isEqualTo("InProgress");

        emulator.clock.advance(Duration.ofSeconds(2));
        JsonNode op = emulator.get(statusUrl).json();
        assertThat(op.get("status").asText()).isEqualTo("Succeeded");
        JsonNode failed = job(sub, op.at("/properties/jobId").asText());
        assertThat(failed.at("/properties/status").asText()).isEqualTo("Failed");
        assertThat(failed.at("/properties/operation").asText()).isEqualTo("Backup");
        assertThat(failed.at("/properties/errorDetails/0/errorTitle").asText())
                .isEqualTo("UserErrorBackupOperationInProgress");
        assertThat(failed.at("/properties/errorDetails/0/errorString").asText())
                .isEqualTo("Unable to initiate backup as another backup operation is currently in progress");
        assertThat(job(sub, first).at("/properties/status").asText()).as("the first one runs on")
                .isEqualTo("InProgress");

        emulator.clock.advance(Duration.ofSeconds(30));
        assertThat(job(sub, first).at("/properties/status").asText()).isEqualTo("Completed");
        String third = emulator.backupJob(sub);
        assertThat(job(sub, third).at("/properties/status").asText()).as("once the first is done, a backup runs")
                .isEqualTo("InProgress");
    }

    @Test
    void aCancellingBackupStillHoldsTheItemUntilItIsCancelled() {
        String sub = newSubscription();
        String first = emulator.backupJob(sub);
        assertThat(emulator.send("POST", vaultPath(sub) + "/backupJobs/" + first + "/cancel", null).status())
                .isEqualTo(202);
        String whileCancelling = emulator.backupJob(sub);
        assertThat(job(sub, whileCancelling).at("/properties/status").asText()).isEqualTo("Failed");
        emulator.clock.advance(Duration.ofSeconds(2));
        String after = emulator.backupJob(sub);
        assertThat(job(sub, after).at("/properties/status").asText()).isEqualTo("InProgress");
    }

    @Test
    void refuseAnswersTheTrigger400ObjectLocked() {
        assertThat(emulator.send("PUT", SCENARIO, "{\"concurrentBackup\": \"Refuse\"}").status()).isEqualTo(200);
        String sub = newSubscription();
        String first = emulator.backupJob(sub);
        int jobsBefore = emulator.get(vaultPath(sub) + "/backupJobs").json().get("value").size();
        Reply refused = emulator.triggerBackup(sub);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorCode()).isEqualTo("BMSUserErrorObjectLocked");
        assertThat(refused.json().at("/error/message").asText()).contains("Another operation is in progress", first);
        assertThat(emulator.get(vaultPath(sub) + "/backupJobs").json().get("value").size()).isEqualTo(jobsBefore);
    }

    @Test
    void allowRunsBoth() {
        Reply put = emulator.send("PUT", SCENARIO, "{\"concurrentBackup\": \"Allow\"}");
        assertThat(put.json().get("concurrentBackup").asText()).isEqualTo("Allow");
        String sub = newSubscription();
        String first = emulator.backupJob(sub);
        String second = emulator.backupJob(sub);
        assertThat(job(sub, first).at("/properties/status").asText()).isEqualTo("InProgress");
        assertThat(job(sub, second).at("/properties/status").asText()).isEqualTo("InProgress");
    }

    @Test
    void otherItemsAndOperationsAreNotHeldUp() {
        String sub = newSubscription();
        emulator.backupJob(sub);
        String otherItem = vaultPath(sub) + "/backupFabrics/Azure/protectionContainers/"
                + "IaasVMContainer;iaasvmcontainerv2;testRG;otherVM/protectedItems/VM;iaasvmcontainerv2;testRG;otherVM";
        Reply other = emulator.send("POST", otherItem + "/backup", "{\"properties\":{\"objectType\":\"IaasVMBackupRequest\"}}");
        emulator.clock.advance(Duration.ofSeconds(2));
        String otherJob = emulator.get(other.header("Azure-AsyncOperation")).json().at("/properties/jobId").asText();
        assertThat(job(sub, otherJob).at("/properties/status").asText()).isEqualTo("InProgress");
    }
}
