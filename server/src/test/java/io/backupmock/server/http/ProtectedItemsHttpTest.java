package io.backupmock.server.http;

import static io.backupmock.server.http.TestEmulator.itemPath;
import static io.backupmock.server.http.TestEmulator.newSubscription;
import static io.backupmock.server.http.TestEmulator.vaultPath;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.backupmock.server.http.TestEmulator.Reply;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Enabling, changing, stopping and deleting protection, and the jobs each creates. */
class ProtectedItemsHttpTest {
    static final String ENABLE = "{\"properties\":{\"protectedItemType\":\"Microsoft.Compute/virtualMachines\","
            + "\"sourceResourceId\":\"/subscriptions/s/resourceGroups/testRG/providers/Microsoft.Compute/virtualMachines/testVM\","
            + "\"policyId\":\"/subscriptions/s/resourceGroups/testVaultRG/providers/Microsoft.RecoveryServices/vaults/testVault/backupPolicies/DailyPolicy\"}}";
    @RegisterExtension
    static final TestEmulator emulator = new TestEmulator();

    @Test
    void anyIaasVmItemSpringsIntoBeingProtected() {
        JsonNode item = emulator.get(itemPath(newSubscription())).json();
        assertThat(item.get("name").asText()).isEqualTo(TestEmulator.ITEM);
        assertThat(item.at("/properties/protectedItemType").asText()).isEqualTo("Microsoft.Compute/virtualMachines");
        assertThat(item.at("/properties/protectionState").asText()).isEqualTo("Protected");
        assertThat(item.at("/properties/containerName").asText()).isEqualTo("iaasvmcontainerv2;testRG;testVM");
        assertThat(item.at("/properties/virtualMachineId").asText()).endsWith("/resourceGroups/testRG/providers/"
                + "Microsoft.Compute/virtualMachines/testVM");
    }

    @Test
    void itemsOfUnknownFormAre404() {
        Reply reply = emulator.get(vaultPath(newSubscription()) + "/backupFabrics/Azure/protectionContainers/c/"
                + "protectedItems/Widget;w");
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.errorCode()).isEqualTo("BMSUserErrorDataSourceObjectNotFound");
    }

    @Test
    void enablingProtectionRunsAConfigureBackupJobAndAnswersTheItemAtItsResultUrl() {
        String sub = newSubscription();
        Reply accepted = emulator.send("PUT", itemPath(sub), ENABLE);
        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.header("Azure-AsyncOperation")).contains("/operationsStatus/");
        String location = accepted.header("Location");
        assertThat(emulator.get(location).status()).isEqualTo(202);
        assertThat(emulator.get(itemPath(sub)).json().at("/properties/protectionState").asText()).isEqualTo("IRPending");

        emulator.clock.advance(Duration.ofSeconds(5));
        Reply result = emulator.get(location);
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.json().at("/properties/policyName").asText()).isEqualTo("DailyPolicy");
        String jobId = emulator.get(accepted.header("Azure-AsyncOperation")).json().at("/properties/jobId").asText();
        JsonNode job = emulator.get(vaultPath(sub) + "/backupJobs/" + jobId).json();
        assertThat(job.at("/properties/operation").asText()).isEqualTo("ConfigureBackup");
        assertThat(job.at("/properties/status").asText()).isEqualTo("Completed");

        emulator.backupJob(sub);
        emulator.clock.advance(Duration.ofMinutes(1));
        assertThat(emulator.get(itemPath(sub)).json().at("/properties/protectionState").asText())
                .as("protected once its first backup completed").isEqualTo("Protected");
    }

    @Test
    void stoppingProtectionKeepsDataAndRefusesBackups() {
        String sub = newSubscription();
        Reply accepted = emulator.send("PUT", itemPath(sub), "{\"properties\":{\"protectedItemType\":"
                + "\"Microsoft.Compute/virtualMachines\",\"protectionState\":\"ProtectionStopped\"}}");
        assertThat(accepted.status()).isEqualTo(202);
        emulator.clock.advance(Duration.ofSeconds(5));
        String jobId = emulator.get(accepted.header("Azure-AsyncOperation")).json().at("/properties/jobId").asText();
        assertThat(emulator.get(vaultPath(sub) + "/backupJobs/" + jobId).json().at("/properties/operation").asText())
                .isEqualTo("DisableBackup");
        assertThat(emulator.get(itemPath(sub)).json().at("/properties/protectionState").asText())
                .isEqualTo("ProtectionStopped");
        Reply backup = emulator.triggerBackup(sub);
        assertThat(backup.status()).isEqualTo(400);
        assertThat(backup.errorCode()).isEqualTo("BMSUserErrorInvalidInput");
    }

    @Test
    void deletingAnItemIsTrackedAtVaultLevelAndTheItemIsGone() {
        String sub = newSubscription();
        emulator.get(itemPath(sub));
        Reply accepted = emulator.send("DELETE", itemPath(sub), null);
        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.header("Azure-AsyncOperation"))
                .startsWith(emulator.server.baseUri() + vaultPath(sub) + "/backupOperations/");
        String location = accepted.header("Location");
        assertThat(location).startsWith(emulator.server.baseUri() + vaultPath(sub) + "/backupOperationResults/");
        assertThat(emulator.get(location).status()).isEqualTo(202);
        emulator.clock.advance(Duration.ofSeconds(5));
        assertThat(emulator.get(location).status()).isEqualTo(204);
        JsonNode status = emulator.get(accepted.header("Azure-AsyncOperation")).json();
        assertThat(status.get("status").asText()).isEqualTo("Succeeded");
        String jobId = status.at("/properties/jobId").asText();
        assertThat(emulator.get(vaultPath(sub) + "/backupJobs/" + jobId).json().at("/properties/operation").asText())
                .isEqualTo("DeleteBackupData");

        assertThat(emulator.get(itemPath(sub)).status()).isEqualTo(404);
        assertThat(emulator.triggerBackup(sub).status()).isEqualTo(404);
        assertThat(emulator.send("DELETE", itemPath(sub), null).status()).as("already gone").isEqualTo(204);
        assertThat(emulator.send("PUT", itemPath(sub), ENABLE).status()).as("protect it again").isEqualTo(202);
        assertThat(emulator.get(itemPath(sub)).status()).isEqualTo(200);
    }

    @Test
    void listsTheItemsTheVaultKnowsWithFilters() {
        String sub = newSubscription();
        emulator.get(itemPath(sub));
        emulator.get(vaultPath(sub) + "/backupFabrics/Azure/protectionContainers/"
                + "StorageContainer;Storage;testRG;testAccount/protectedItems/AzureFileShare;share1");
        JsonNode all = emulator.get(vaultPath(sub) + "/backupProtectedItems").json();
        assertThat(all.get("value")).hasSize(2);
        JsonNode vms = emulator.get(vaultPath(sub) + "/backupProtectedItems?$filter="
                + "backupManagementType%20eq%20'AzureIaasVM'%20and%20itemType%20eq%20'VM'").json();
        assertThat(vms.get("value")).hasSize(1);
        assertThat(vms.at("/value/0/name").asText()).isEqualTo(TestEmulator.ITEM);
        Reply bad = emulator.get(vaultPath(sub) + "/backupProtectedItems?$filter=size%20eq%20'big'");
        assertThat(bad.status()).isEqualTo(400);
    }

    @Test
    void fileShareBackupsRunAzureStorageJobs() {
        String sub = newSubscription();
        String share = vaultPath(sub) + "/backupFabrics/Azure/protectionContainers/"
                + "StorageContainer;Storage;testRG;testAccount/protectedItems/AzureFileShare;share1";
        Reply wrong = emulator.send("POST", share + "/backup", "{\"properties\":{\"objectType\":\"IaasVMBackupRequest\"}}");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().at("/error/message").asText()).contains("AzureFileShareBackupRequest");
        Reply accepted = emulator.send("POST", share + "/backup",
                "{\"properties\":{\"objectType\":\"AzureFileShareBackupRequest\"}}");
        emulator.clock.advance(Duration.ofSeconds(2));
        String jobId = emulator.get(accepted.header("Azure-AsyncOperation")).json().at("/properties/jobId").asText();
        JsonNode job = emulator.get(vaultPath(sub) + "/backupJobs/" + jobId).json().get("properties");
        assertThat(job.get("jobType").asText()).isEqualTo("AzureStorageJob");
        assertThat(job.get("backupManagementType").asText()).isEqualTo("AzureStorage");
        assertThat(job.get("storageAccountName").asText()).isEqualTo("testAccount");
        assertThat(job.at("/extendedInfo/tasksList/0/duration").isMissingNode())
                .as("storage tasks carry only taskId and status").isTrue();
    }

    @Test
    void invalidTriggerBodiesAre400() {
        String sub = newSubscription();
        assertThat(emulator.send("POST", itemPath(sub) + "/backup", "{}").errorCode())
                .isEqualTo("BMSUserErrorInvalidInput");
        JsonNode missing = emulator.send("POST", itemPath(sub) + "/backup", "{\"properties\":{}}").json();
        assertThat(missing.at("/error/message").asText()).contains("BackupRequestResource", "objectType");
        assertThat(missing.at("/error/details/0/target").asText()).isEqualTo("/properties");
        JsonNode badDate = emulator.send("POST", itemPath(sub) + "/backup", "{\"properties\":{\"objectType\":"
                + "\"IaasVMBackupRequest\",\"recoveryPointExpiryTimeInUTC\":\"tomorrow\"}}").json();
        assertThat(badDate.at("/error/code").asText()).isEqualTo("BMSUserErrorInvalidInput");
        assertThat(badDate.at("/error/details/0/target").asText()).isEqualTo("/properties/recoveryPointExpiryTimeInUTC");
        JsonNode unknownField = emulator.send("POST", itemPath(sub) + "/backup", "{\"properties\":{\"objectType\":"
                + "\"IaasVMBackupRequest\",\"colour\":\"red\"}}").json();
        assertThat(unknownField.at("/error/details/0/message").asText()).contains("colour");
        assertThat(emulator.send("POST", itemPath(sub) + "/recoveryPoints/1/restore", "{\"properties\":{\"objectType\":"
                + "\"AzureFileShareRestoreRequest\"}}").status()).isEqualTo(400);
        assertThat(emulator.send("PUT", itemPath(sub), "{\"properties\":{\"protectedItemType\":\"AzureFileShareProtectedItem\"}}")
                .status()).isEqualTo(400);
    }
}
