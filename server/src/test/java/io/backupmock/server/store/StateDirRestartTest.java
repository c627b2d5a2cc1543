package io.backupmock.server.store;

import static io.backupmock.server.store.StateClient.ADMIN;
import static io.backupmock.server.store.StateClient.BACKUP;
import static io.backupmock.server.store.StateClient.item;
import static io.backupmock.server.store.StateClient.vault;
import static io.backupmock.server.store.StateClient.vaultAdmin;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.backupmock.server.BackupMockServer;
import io.backupmock.server.clock.VirtualClock;
import io.backupmock.server.state.Settings;
import io.backupmock.server.store.StateClient.Reply;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of state, made over HTTP, is there again after a stop and a start on the same state directory. */
class StateDirRestartTest {
    static final Instant START = Instant.parse("2026-11-25T08:00:00Z");

    @TempDir
    Path dir;

    static BackupMockServer start(Path dir, Clock clock) {
        return BackupMockServer.builder().noHttps().httpPort(0).clock(clock)
                .settings(Settings.DEFAULTS.toBuilder().validateResponses(true).build()).stateDir(dir).start();
    }

    static BackupMockServer startVirtual(Path dir) {
        return start(dir, new VirtualClock(START));
    }

    static String sub() {
        return UUID.randomUUID().toString();
    }

    @Test
    void triggersAndCancelsKeepTheirIdsAndUrls() {
        String sub = sub();
        String statusUrl;
        String resultUrl;
        String jobId;
        String cancelUrl;
        String cancelledJob;
        JsonNode jobBefore;
        try (BackupMockServer server = startVirtual(dir)) {
            StateClient client = new StateClient(server);
            Reply accepted = client.send("POST", item(sub) + "/backup", BACKUP);
            assertThat(accepted.status()).as("%s", accepted).isEqualTo(202);
            statusUrl = accepted.header("Azure-AsyncOperation");
            resultUrl = accepted.header("Location");
            assertThat(client.send("POST", ADMIN + "/clock", "{\"advance\": \"PT2S\"}").status()).isEqualTo(200);
            jobId = client.get(statusUrl).json().at("/properties/jobId").asText();
            assertThat(jobId).isNotBlank();
            jobBefore = client.get(vault(sub) + "/backupJobs/" + jobId).json();

            cancelledJob = client.get(client.send("POST", item(sub) + "/recoveryPoints/rp1/restore",
                    "{\"properties\":{\"objectType\":\"IaasVMRestoreRequest\"}}").header("Azure-AsyncOperation"))
                    .json().path("name").asText();
            Reply secondBackup = client.send("POST", vault(sub) + "/backupJobs/" + jobId + "/cancel", null);
            assertThat(secondBackup.status()).as("%s", secondBackup).isEqualTo(202);
            cancelUrl = secondBackup.header("Location");
        }
        try (BackupMockServer server = startVirtual(dir)) {
            assertThat(server.stateWarnings()).isEmpty();
            StateClient client = new StateClient(server);
            Reply status = client.get(statusUrl);
            assertThat(status.status()).as("%s", status).isEqualTo(200);
            assertThat(status.json().at("/properties/jobId").asText()).isEqualTo(jobId);
            assertThat(client.get(resultUrl).status()).isIn(200, 204);
            JsonNode job = client.get(vault(sub) + "/backupJobs/" + jobId).json();
            assertThat(job.at("/properties/startTime")).isEqualTo(jobBefore.at("/properties/startTime"));
            assertThat(job.at("/properties/activityId")).isEqualTo(jobBefore.at("/properties/activityId"));
            assertThat(job.at("/properties/status").asText()).isIn("Cancelling", "Cancelled");
            assertThat(client.get(cancelUrl).status()).as("the cancel's operation").isIn(200, 202, 204);
            Reply again = client.send("POST", vault(sub) + "/backupJobs/" + jobId + "/cancel", null);
            assertThat(again.status()).isEqualTo(202);
            assertThat(StateClient.pathOf(again.header("Location"))).as("one cancel operation per job")
                    .isEqualTo(StateClient.pathOf(cancelUrl));
            assertThat(client.get(vault(sub) + "/backupJobs").json().path("value")).hasSize(2);
            assertThat(client.get(ADMIN + "/clock").json().path("instant").asText())
                    .as("the virtual clock's instant is state").isEqualTo("2026-11-25T08:00:02Z");
            assertThat(cancelledJob).isNotBlank();
        }
    }

    @Test
    void itemsPutAndDeletedStayAsTheyWere() {
        String sub = sub();
        String share = vault(sub) + "/backupFabrics/Azure/protectionContainers/StorageContainer;Storage;testRG;sa"
                + "/protectedItems/AzureFileShare;share1";
        try (BackupMockServer server = startVirtual(dir)) {
            StateClient client = new StateClient(server);
            Reply put = client.send("PUT", share, """
                    {"properties": {"protectedItemType": "AzureFileShareProtectedItem",
                     "policyId": "/subscriptions/%s/resourceGroups/testVaultRG/providers/Microsoft.RecoveryServices/vaults/testVault/backupPolicies/daily",
                     "sourceResourceId": "/subscriptions/%s/resourceGroups/testRG/providers/Microsoft.Storage/storageAccounts/sa"}}"""
                    .formatted(sub, sub));
            assertThat(put.status()).as("%s", put).isEqualTo(202);
            assertThat(client.send("GET", item(sub), null).status()).as("springs into being").isEqualTo(200);
            Reply deleted = client.send("DELETE", item(sub), null);
            assertThat(deleted.status()).as("%s", deleted).isEqualTo(202);
        }
        try (BackupMockServer server = startVirtual(dir)) {
            StateClient client = new StateClient(server);
            Reply got = client.get(share);
            assertThat(got.status()).as("%s", got).isEqualTo(200);
            assertThat(got.json().at("/properties/policyId").asText()).endsWith("/backupPolicies/daily");
            JsonNode items = client.get(vault(sub) + "/backupProtectedItems").json().path("value");
            assertThat(items).extracting(i -> i.path("name").asText()).containsExactly("AzureFileShare;share1");
            assertThat(client.get(vault(sub) + "/backupJobs").json().path("value"))
                    .extracting(j -> j.at("/properties/operation").asText())
                    .containsExactlyInAnyOrder("ConfigureBackup", "DeleteBackupData");
        }
    }

    @Test
    void anExportKeepsItsResultAndBlob() {
        String sub = sub();
        String location;
        try (BackupMockServer server = startVirtual(dir)) {
            StateClient client = new StateClient(server);
            client.send("POST", item(sub) + "/backup", BACKUP);
            Reply export = client.send("POST", vault(sub) + "/backupJobsExport", null);
            assertThat(export.status()).as("%s", export).isEqualTo(202);
            location = export.header("Location");
        }
        try (BackupMockServer server = startVirtual(dir)) {
            StateClient client = new StateClient(server);
            client.send("POST", ADMIN + "/clock", "{\"advance\": \"PT1M\"}");
            Reply done = client.get(location);
            assertThat(done.status()).as("%s", done).isEqualTo(200);
            String blob = done.json().at("/operation/blobUrl").asText() + done.json().at("/operation/blobSasKey").asText();
            Reply report = client.get(blob);
            assertThat(report.status()).as("%s", report).isEqualTo(200);
            assertThat(report.json().path("value")).hasSize(1);
        }
    }

    @Test
    void adminChangesAreKept() {
        String sub = sub();
        String other = sub();
        String jobId;
        try (BackupMockServer server = startVirtual(dir)) {
            StateClient client = new StateClient(server);
            assertThat(client.send("POST", ADMIN + "/vaults", """
                    {"subscriptionId": "%s", "resourceGroup": "testVaultRG", "name": "testVault",
                     "items": [{"vm": "testRG/testVM"}],
                     "nextJobs": [{"operation": "Backup", "duration": "PT1M"}, {"operation": "Restore", "duration": "PT3M"}]}"""
                    .formatted(sub)).status()).isEqualTo(201);
            assertThat(client.send("POST", vaultAdmin(sub) + "/nextJobs", "[{\"duration\": \"PT9M\"}]").status())
                    .isEqualTo(200);
            Reply created = client.send("POST", vaultAdmin(sub) + "/jobs", """
                    {"item": {"vm": "testRG/testVM"},
                     "script": {"operation": "Backup", "tasks": [["Take Snapshot", "PT10M"]]}}""");
            assertThat(created.status()).as("%s", created).isEqualTo(201);
            jobId = created.json().path("name").asText();
            Reply failed = client.send("POST", vaultAdmin(sub) + "/jobs/" + jobId + "/fail",
                    "{\"errorDetails\": [{\"errorCode\": 400002, \"errorTitle\": \"UserErrorVmNotFoundV2\"}]}");
            assertThat(failed.status()).as("%s", failed).isEqualTo(200);
            assertThat(client.send("PUT", ADMIN + "/scenario",
                    "{\"jobs\": [{\"operation\": \"Backup\", \"tasks\": [[\"Copy\", \"PT3M\"]]}]}").status()).isEqualTo(200);
            assertThat(client.send("POST", ADMIN + "/rules",
                    "{\"match\": {\"operation\": \"Restore\"}, \"script\": {\"duration\": \"PT7M\"}}").status())
                    .isEqualTo(201);
            assertThat(client.send("POST", ADMIN + "/faults", "{\"status\": 503, \"subscriptionId\": \"" + other + "\"}")
                    .status()).isEqualTo(201);
            assertThat(client.send("POST", ADMIN + "/clock", "{\"advance\": \"PT10M\"}").status()).isEqualTo(200);
            assertThat(client.send("POST", ADMIN + "/clock", "{\"autoAdvance\": \"PT1S\"}").status()).isEqualTo(200);
        }
        try (BackupMockServer server = startVirtual(dir)) {
            StateClient client = new StateClient(server);
            JsonNode clock = client.get(ADMIN + "/clock").json();
            assertThat(clock.path("instant").asText()).isEqualTo("2026-11-25T08:10:00Z");
            assertThat(clock.path("autoAdvance").asText()).isEqualTo("PT1S");
            JsonNode next = client.get(vaultAdmin(sub) + "/nextJobs").json().path("nextJobs");
            assertThat(next).extracting(n -> n.path("duration").asText()).containsExactly("PT1M", "PT3M", "PT9M");
            JsonNode job = client.get(vault(sub) + "/backupJobs/" + jobId).json();
            assertThat(job.at("/properties/status").asText()).isEqualTo("Failed");
            assertThat(job.at("/properties/errorDetails/0/errorCode").asInt()).isEqualTo(400002);
            assertThat(client.get(ADMIN + "/scenario").json().toString()).contains("\"Copy\"");
            assertThat(client.get(ADMIN + "/rules").json()).hasSize(1);
            assertThat(client.get(ADMIN + "/faults").json().toString()).contains(other);
            assertThat(client.get(vault(other) + "/backupJobs").status()).as("the fault is in force").isEqualTo(503);
        }
    }

    @Test
    void aResetClearsTheStore() throws Exception {
        String sub = sub();
        try (BackupMockServer server = startVirtual(dir)) {
            StateClient client = new StateClient(server);
            for (int i = 0; i < 5; i++) {
                client.send("POST", item(sub) + "/backup", BACKUP);
            }
            client.send("POST", ADMIN + "/clock", "{\"advance\": \"PT1H\"}");
            long before = java.nio.file.Files.size(dir.resolve(StateStore.LOG_FILE));
            assertThat(client.send("POST", ADMIN + "/reset", null).status()).isEqualTo(204);
            assertThat(java.nio.file.Files.size(dir.resolve(StateStore.LOG_FILE))).isLessThan(before);
        }
        try (BackupMockServer server = startVirtual(dir)) {
            StateClient client = new StateClient(server);
            assertThat(client.get(vault(sub) + "/backupJobs").json().path("value")).isEmpty();
            assertThat(client.get(ADMIN + "/clock").json().path("instant").asText()).isEqualTo(START.toString());
        }
    }

    @Test
    void readsAndRefusedChangesWriteNothing() throws Exception {
        String sub = sub();
        try (BackupMockServer server = startVirtual(dir)) {
            StateClient client = new StateClient(server);
            Reply accepted = client.send("POST", item(sub) + "/backup", BACKUP);
            long size = java.nio.file.Files.size(dir.resolve(StateStore.LOG_FILE));
            for (int i = 0; i < 20; i++) {
                assertThat(client.get(accepted.header("Azure-AsyncOperation")).status()).isEqualTo(200);
                assertThat(client.get(vault(sub) + "/backupJobs").status()).isEqualTo(200);
                assertThat(client.get(ADMIN + "/vaults").status()).isEqualTo(200);
            }
            assertThat(client.send("POST", item(sub) + "/backup", "{\"properties\":{}}").status()).isEqualTo(400);
            assertThat(client.send("POST", ADMIN + "/clock", "{\"advance\": \"-PT1M\"}").status()).isEqualTo(400);
            assertThat(java.nio.file.Files.size(dir.resolve(StateStore.LOG_FILE))).isEqualTo(size);
        }
    }

    @Test
    void forgettingOneSubscriptionKeepsTheOthers() {
        String gone = sub();
        String kept = sub();
        try (BackupMockServer server = startVirtual(dir)) {
            StateClient client = new StateClient(server);
            client.send("POST", item(gone) + "/backup", BACKUP);
            client.send("POST", item(kept) + "/backup", BACKUP);
            assertThat(client.send("POST", ADMIN + "/reset?subscriptionId=" + gone, null).status()).isEqualTo(204);
        }
        try (BackupMockServer server = startVirtual(dir)) {
            StateClient client = new StateClient(server);
            assertThat(client.get(vault(gone) + "/backupJobs").json().path("value")).isEmpty();
            assertThat(client.get(vault(kept) + "/backupJobs").json().path("value")).hasSize(1);
        }
    }

    @Test
    void onTheSystemClockAJobKeepsTheInstantsItStartedAt() {
        String sub = sub();
        String jobId;
        String startTime;
        try (BackupMockServer server = start(dir, Clock.systemUTC())) {
            StateClient client = new StateClient(server);
            Reply created = client.send("POST", vaultAdmin(sub) + "/jobs",
                    "{\"script\": {\"operation\": \"Backup\", \"tasks\": [[\"Take Snapshot\", \"PT10M\"]]}}");
            assertThat(created.status()).as("%s", created).isEqualTo(201);
            jobId = created.json().path("name").asText();
            startTime = created.json().at("/properties/startTime").asText();
            client.send("POST", item(sub) + "/backup", BACKUP);
        }
        try (BackupMockServer server = start(dir, Clock.systemUTC())) {
            StateClient client = new StateClient(server);
            JsonNode job = client.get(vault(sub) + "/backupJobs/" + jobId).json();
            assertThat(job.at("/properties/startTime").asText()).isEqualTo(startTime);
            assertThat(client.get(vault(sub) + "/backupJobs").json().path("value")).hasSize(2);
        }
    }

    @Test
    void providerStatesAreKept() {
        JsonNode made;
        try (BackupMockServer server = start(dir, Clock.systemUTC())) {
            StateClient client = new StateClient(server);
            Reply reply = client.send("POST", ADMIN + "/provider-states",
                    "{\"state\": \"operation {operationId} succeeded with job {jobId}\"}");
            assertThat(reply.status()).as("%s", reply).isEqualTo(200);
            made = reply.json();
        }
        try (BackupMockServer server = start(dir, Clock.systemUTC())) {
            StateClient client = new StateClient(server);
            String sub = made.path("subscriptionId").asText();
            Reply job = client.get(vault(sub) + "/backupJobs/" + made.path("jobId").asText());
            assertThat(job.status()).as("%s after %s", job, made).isEqualTo(200);
            Reply operation = client.get(vault(sub) + "/backupOperations/" + made.path("operationId").asText());
            assertThat(operation.status()).as("%s", operation).isEqualTo(200);
            assertThat(server.emulator().clockFor(sub)).as("its own virtual clock").isInstanceOf(VirtualClock.class);
        }
    }
}
