package io.backupmock.server.http;

import static io.backupmock.server.http.TestEmulator.newSubscription;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.backupmock.server.http.TestEmulator.Reply;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A script that gives no trigger takes the scenario's for its operation, wherever the script comes from. */
class ScriptTriggerHttpTest {
    @RegisterExtension
    static final TestEmulator emulator = new TestEmulator();

    static String nextJobs(String sub) {
        return "/backupmock/admin/vaults/" + sub + "/testVaultRG/testVault/nextJobs";
    }

    @Test
    void aQueuedScriptWithoutTriggerKeepsTheScenariosInProgressTime() {
        String sub = newSubscription();
        Reply queued = emulator.send("POST", nextJobs(sub),
                "[{\"operation\": \"Backup\", \"tasks\": [[\"Take Snapshot\", \"PT1M\"]], \"outcome\": \"Failed\"}]");
        assertThat(queued.status()).as("%s", queued).isLessThan(300);

        String statusUrl = emulator.triggerBackup(sub).header("Azure-AsyncOperation");
        JsonNode first = emulator.get(statusUrl).json();
        assertThat(first.get("status").asText()).as("first poll, as the default scenario's 2 s").isEqualTo("InProgress");

        emulator.clock.advance(Duration.ofSeconds(2));
        JsonNode done = emulator.get(statusUrl).json();
        assertThat(done.get("status").asText()).isEqualTo("Succeeded");
        assertThat(done.get("endTime").asText()).isNotEqualTo(done.get("startTime").asText());
        String jobId = done.at("/properties/jobId").asText();
        JsonNode job = emulator.get(TestEmulator.vaultPath(sub) + "/backupJobs/" + jobId).json();
        assertThat(job.at("/properties/extendedInfo/tasksList/0/taskId").asText()).as("the queued script ran")
                .isEqualTo("Take Snapshot");
    }

    @Test
    void aQueuedScriptWithItsOwnTriggerKeepsIt() {
        String sub = newSubscription();
        emulator.send("POST", nextJobs(sub), "[{\"operation\": \"Backup\", \"duration\": \"PT1M\","
                + " \"trigger\": {\"inProgressFor\": \"PT0S\"}}]");
        String statusUrl = emulator.triggerBackup(sub).header("Azure-AsyncOperation");
        assertThat(emulator.get(statusUrl).json().get("status").asText()).isEqualTo("Succeeded");
    }

    @Test
    void aQueuedScriptWithoutTriggerIsListedWithoutOne() {
        String sub = newSubscription();
        emulator.send("POST", nextJobs(sub), "[{\"operation\": \"Restore\", \"duration\": \"PT1M\"}]");
        JsonNode queued = emulator.get(nextJobs(sub)).json();
        assertThat(queued.at("/nextJobs/0/duration").asText()).isEqualTo("PT1M");
        assertThat(queued.at("/nextJobs/0").has("trigger")).as("%s", queued).isFalse();
    }
}
