package io.backupmock.server.http;

import static io.backupmock.server.http.TestEmulator.itemPath;
import static io.backupmock.server.http.TestEmulator.newSubscription;
import static io.backupmock.server.http.TestEmulator.vaultPath;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.backupmock.server.http.TestEmulator.Reply;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Trigger a backup, follow its operation to the job, and the job to its end, over HTTP. */
class BackupFlowHttpTest {
    @RegisterExtension
    static final TestEmulator emulator = new TestEmulator();

    @Test
    void triggerAnswers202WithPollingHeadersBuiltFromTheRequestHost() {
        String sub = newSubscription();
        Reply accepted = emulator.triggerBackup(sub);

        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.body()).isEmpty();
        String base = emulator.server.baseUri().toString();
        assertThat(accepted.header("Azure-AsyncOperation"))
                .startsWith(base + itemPath(sub) + "/operationsStatus/")
                .endsWith("?api-version=" + TestEmulator.API);
        assertThat(accepted.header("Location"))
                .startsWith(base + itemPath(sub) + "/operationResults/")
                .endsWith("?api-version=" + TestEmulator.API);
        assertThat(opId(accepted.header("Location"))).isEqualTo(opId(accepted.header("Azure-AsyncOperation")));
        assertThat(accepted.header("Retry-After")).isEqualTo("1");
    }

    @Test
    void operationIsInProgressWithSentinelEndTimeThenSucceedsWithTheJobId() {
        String sub = newSubscription();
        Instant t0 = emulator.clock.instant();
        Reply accepted = emulator.triggerBackup(sub);
        String statusUrl = accepted.header("Azure-AsyncOperation");

        JsonNode running = emulator.get(statusUrl).json();
        assertThat(running.get("status").asText()).isEqualTo("InProgress");
        assertThat(running.get("endTime").asText()).isEqualTo("0001-01-01T00:00:00Z");
        assertThat(running.has("properties")).isFalse();
        assertThat(running.get("id").asText()).isEqualTo(opId(statusUrl));

        emulator.clock.advance(Duration.ofSeconds(2));
        JsonNode done = emulator.get(statusUrl).json();
        assertThat(done.get("status").asText()).isEqualTo("Succeeded");
        assertThat(done.at("/properties/objectType").asText()).isEqualTo("OperationStatusJobExtendedInfo");
        String jobId = done.at("/properties/jobId").asText();
        assertThat(jobId).matches("[0-9a-f-]{36}");
        assertThat(done.get("endTime").asText()).isEqualTo(t0.plusSeconds(2).toString());

        JsonNode viaVault = emulator.get(vaultPath(sub) + "/backupOperations/" + opId(statusUrl)).json();
        assertThat(viaVault.at("/properties/jobId").asText()).isEqualTo(jobId);
    }

    @Test
    void operationResultIs202WhileRunningThen204() {
        String sub = newSubscription();
        String location = emulator.triggerBackup(sub).header("Location");

        Reply running = emulator.get(location);
        assertThat(running.status()).isEqualTo(202);
        assertThat(running.header("Location")).isEqualTo(location);
        assertThat(running.header("Retry-After")).isEqualTo("1");

        emulator.clock.advance(Duration.ofSeconds(2));
        assertThat(emulator.get(location).status()).isEqualTo(204);
    }

    @Test
    void jobRunsItsTasksThenCompletes() {
        String sub = newSubscription();
        Instant t0 = emulator.clock.instant();
        String jobId = emulator.backupJob(sub);
        String jobPath = vaultPath(sub) + "/backupJobs/" + jobId;

        JsonNode job = emulator.get(jobPath).json();
        assertThat(job.get("name").asText()).isEqualTo(jobId);
        assertThat(job.get("id").asText()).isEqualTo(vaultPath(sub) + "/backupJobs/" + jobId);
        assertThat(job.get("type").asText()).isEqualTo("Microsoft.RecoveryServices/vaults/backupJobs");
        JsonNode p = job.get("properties");
        assertThat(p.get("jobType").asText()).isEqualTo("AzureIaaSVMJob");
        assertThat(p.get("operation").asText()).isEqualTo("Backup");
        assertThat(p.get("status").asText()).isEqualTo("InProgress");
        assertThat(p.get("entityFriendlyName").asText()).isEqualTo("testVM");
        assertThat(p.get("backupManagementType").asText()).isEqualTo("AzureIaasVM");
        assertThat(p.get("duration").asText()).isEqualTo("PT2S");
        assertThat(p.get("actionsInfo").get(0).asText()).isEqualTo("Cancellable");
        assertThat(p.has("endTime")).isFalse();
        assertThat(p.at("/extendedInfo/tasksList/0/taskId").asText()).isEqualTo("Take Snapshot");
        assertThat(p.at("/extendedInfo/tasksList/0/status").asText()).isEqualTo("InProgress");
        assertThat(p.at("/extendedInfo/tasksList/1/status").asText()).isEqualTo("NotStarted");
        assertThat(p.at("/extendedInfo/propertyBag/VM Name").asText()).isEqualTo("testVM");

        emulator.clock.advance(Duration.ofSeconds(10));
        p = emulator.get(jobPath).json().get("properties");
        assertThat(p.at("/extendedInfo/tasksList/0/status").asText()).isEqualTo("Completed");
        assertThat(p.at("/extendedInfo/tasksList/1/status").asText()).isEqualTo("InProgress");
        assertThat(p.at("/extendedInfo/progressPercentage").asDouble()).isEqualTo(40.0);

        emulator.clock.advance(Duration.ofSeconds(18));
        p = emulator.get(jobPath).json().get("properties");
        assertThat(p.get("status").asText()).isEqualTo("Completed");
        assertThat(p.get("endTime").asText()).isEqualTo(t0.plusSeconds(30).toString());
        assertThat(p.get("duration").asText()).isEqualTo("PT30S");
        assertThat(p.has("actionsInfo")).isFalse();
        assertThat(p.at("/extendedInfo/tasksList/1/status").asText()).isEqualTo("Completed");
    }

    @Test
    void anEndedJobAnswersTheSameBodyHoweverLateItIsAsked() {
        String sub = newSubscription();
        String jobPath = vaultPath(sub) + "/backupJobs/" + emulator.backupJob(sub);
        Reply running = emulator.get(jobPath);
        emulator.clock.advance(Duration.ofMinutes(1));
        Reply ended = emulator.get(jobPath);
        emulator.clock.advance(Duration.ofDays(3));
        Reply later = emulator.get(jobPath);

        assertThat(running.json().at("/properties/status").asText()).isEqualTo("InProgress");
        assertThat(ended.json().at("/properties/status").asText()).isEqualTo("Completed");
        assertThat(later.body()).isEqualTo(ended.body());
        assertThat(later.header("x-ms-request-id")).isNotEqualTo(ended.header("x-ms-request-id"));
    }

    @Test
    void itemReportsItsLastBackupOnceTheJobEnds() {
        String sub = newSubscription();
        emulator.backupJob(sub);
        assertThat(emulator.get(itemPath(sub)).json().at("/properties/lastBackupStatus").isMissingNode()).isTrue();

        emulator.clock.advance(Duration.ofMinutes(1));
        JsonNode item = emulator.get(itemPath(sub)).json().get("properties");
        assertThat(item.get("lastBackupStatus").asText()).isEqualTo("Completed");
        assertThat(item.get("protectionState").asText()).isEqualTo("Protected");
    }

    @Test
    void restoreCreatesARestoreJob() {
        String sub = newSubscription();
        Reply accepted = emulator.send("POST", itemPath(sub) + "/recoveryPoints/20982486783671/restore",
                io.backupmock.fixtures.Fixtures.read("payloads/restore-request-iaasvm-restore-disks.json"));
        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.header("Azure-AsyncOperation")).contains("/operationsStatus/");

        emulator.clock.advance(Duration.ofSeconds(2));
        String jobId = emulator.get(accepted.header("Azure-AsyncOperation")).json().at("/properties/jobId").asText();
        JsonNode job = emulator.get(vaultPath(sub) + "/backupJobs/" + jobId).json().get("properties");
        assertThat(job.get("operation").asText()).isEqualTo("Restore");
        assertThat(job.at("/extendedInfo/tasksList/0/taskId").asText()).isEqualTo("Transfer data");
    }

    static String opId(String url) {
        String path = url.substring(0, url.indexOf('?'));
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
