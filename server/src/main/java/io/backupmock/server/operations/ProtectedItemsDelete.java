package io.backupmock.server.operations;

import io.backupmock.server.state.Emulator;
import io.backupmock.server.gateway.ApiRequest;
import io.backupmock.server.gateway.ApiResponse;
import io.backupmock.server.gateway.Operation;
import io.backupmock.server.tenancy.ProtectedItem;
import io.backupmock.server.tenancy.Vault;
import io.backupmock.server.tracking.AsyncOperation;

/**
 * ProtectedItems_Delete: {@code DELETE …/protectedItems/{item}} → 202 tracked at vault level
 * (backupOperations / backupOperationResults), a DeleteBackupData job; 204 when there is no such item.
 */
public final class ProtectedItemsDelete implements Operation {
    private final Emulator emulator;

    public ProtectedItemsDelete(Emulator emulator) {
        this.emulator = emulator;
    }

    @Override
    public ApiResponse handle(ApiRequest req) {
        Vault vault = Lookups.vault(emulator, req);
        ProtectedItem item = vault.item(req.param("fabricName"), req.param("containerName"),
                req.param("protectedItemName"), req.now());
        if (item == null) {
            return ApiResponse.noContent();
        }
        AsyncOperation op = vault.deleteItem(item, req.now());
        return Lookups.accepted(emulator, req, TriggerPaths.vaultStatus(vault, op), TriggerPaths.vaultResult(vault, op));
    }
}
