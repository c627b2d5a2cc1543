package io.backupmock.server.http;

import static io.backupmock.server.http.TestEmulator.itemPath;
import static io.backupmock.server.http.TestEmulator.newSubscription;
import static io.backupmock.server.http.TestEmulator.vaultPath;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.backupmock.server.http.TestEmulator.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** BackupProtectionContainers_List: the containers of a vault's items, filtered as the Azure CLI asks. */
class ProtectionContainersHttpTest {
    static final String SHARE = "/backupFabrics/Azure/protectionContainers/StorageContainer;Storage;testRG;testaccount"
            + "/protectedItems/AzureFileShare;share1";
    @RegisterExtension
    static final TestEmulator emulator = new TestEmulator();

    @Test
    void eachItemsContainerOnceFilteredByManagementTypeStatusAndFriendlyName() {
        String sub = newSubscription();
        emulator.get(itemPath(sub));
        emulator.get(vaultPath(sub) + SHARE);
        String list = vaultPath(sub) + "/backupProtectionContainers?$filter=";

        JsonNode vms = emulator.get(list + "backupManagementType%20eq%20'AzureIaasVM'%20and%20status%20eq%20'Registered'")
                .json().get("value");
        assertThat(vms).hasSize(1);
        JsonNode vm = vms.get(0);
        assertThat(vm.get("name").asText()).isEqualTo(TestEmulator.CONTAINER);
        assertThat(vm.get("id").asText()).isEqualTo(vaultPath(sub) + "/backupFabrics/Azure/protectionContainers/"
                + TestEmulator.CONTAINER);
        assertThat(vm.get("type").asText()).isEqualTo("Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers");
        assertThat(vm.at("/properties/containerType").asText()).isEqualTo("Microsoft.Compute/virtualMachines");
        assertThat(vm.at("/properties/friendlyName").asText()).isEqualTo("testVM");
        assertThat(vm.at("/properties/registrationStatus").asText()).isEqualTo("Registered");
        assertThat(vm.at("/properties/virtualMachineId").asText())
                .isEqualTo("/subscriptions/" + sub + "/resourceGroups/testRG/providers/Microsoft.Compute/virtualMachines/testVM");

        JsonNode shares = emulator.get(list + "backupManagementType%20eq%20'AzureStorage'%20and%20friendlyName%20eq%20'TESTACCOUNT'")
                .json().get("value");
        assertThat(shares).hasSize(1);
        assertThat(shares.get(0).at("/properties/containerType").asText()).isEqualTo("StorageContainer");
        assertThat(emulator.get(list + "backupManagementType%20eq%20'AzureIaasVM'%20and%20status%20eq%20'NotRegistered'")
                .json().get("value")).isEmpty();
        assertThat(emulator.get(vaultPath(sub) + "/backupProtectionContainers").json().get("value")).hasSize(2);
    }

    @Test
    void aFilterOnAnUnknownFieldIs400() {
        Reply reply = emulator.get(vaultPath(newSubscription()) + "/backupProtectionContainers?$filter=color%20eq%20'red'");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo("BMSUserErrorInvalidInput");
        assertThat(reply.json().at("/error/message").asText()).contains("unknown field 'color'");
    }
}
