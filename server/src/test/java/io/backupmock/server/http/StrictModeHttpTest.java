package io.backupmock.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.backupmock.server.state.Settings;
import io.backupmock.server.http.TestEmulator.Reply;
import io.backupmock.server.tenancy.ProtectionState;
import io.backupmock.server.tenancy.Vault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** In strict mode only what was declared exists, and Azure's 404s and 400s say so. */
class StrictModeHttpTest {
    static TestEmulator emulator;
    static String sub;

    @BeforeAll
    static void declare() {
        emulator = new TestEmulator(Settings.builder().strict(true).build());
        sub = TestEmulator.newSubscription();
        Vault vault = emulator.server.emulator().tenancy().vault(sub, "testVaultRG", "testVault");
        vault.declareItem("Azure", TestEmulator.CONTAINER, TestEmulator.ITEM, ProtectionState.Protected, null,
                emulator.clock.instant());
        vault.declareItem("Azure", "IaasVMContainer;iaasvmcontainerv2;testRG;oldVM", "VM;iaasvmcontainerv2;testRG;oldVM",
                ProtectionState.ProtectionStopped, null, emulator.clock.instant());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void anUndeclaredVaultIs404ResourceNotFound() {
        Reply reply = emulator.get(TestEmulator.vaultPath(TestEmulator.newSubscription()) + "/backupJobs");
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.errorCode()).isEqualTo("ResourceNotFound");
        assertThat(reply.json().at("/error/message").asText())
                .contains("Microsoft.RecoveryServices/vaults/testVault", "testVaultRG");
    }

    @Test
    void anUndeclaredItemIs404() {
        Reply reply = emulator.get(TestEmulator.vaultPath(sub) + "/backupFabrics/Azure/protectionContainers/"
                + "IaasVMContainer;iaasvmcontainerv2;testRG;ghostVM/protectedItems/VM;iaasvmcontainerv2;testRG;ghostVM");
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.errorCode()).isEqualTo("BMSUserErrorDataSourceObjectNotFound");
    }

    @Test
    void aDeclaredItemIsBackedUp() {
        assertThat(emulator.triggerBackup(sub).status()).isEqualTo(202);
        assertThat(emulator.get(TestEmulator.vaultPath(sub) + "/backupProtectedItems").json().get("value")).hasSize(2);
    }

    @Test
    void aBackupOfAnItemWhoseProtectionStoppedIsRefused() {
        Reply reply = emulator.send("POST", TestEmulator.vaultPath(sub) + "/backupFabrics/Azure/protectionContainers/"
                + "IaasVMContainer;iaasvmcontainerv2;testRG;oldVM/protectedItems/VM;iaasvmcontainerv2;testRG;oldVM/backup",
                "{\"properties\":{\"objectType\":\"IaasVMBackupRequest\"}}");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo("BMSUserErrorInvalidInput");
        assertThat(reply.json().at("/error/message").asText()).contains("Protection is stopped");
    }
}
