package io.backupmock.server.operations;

import io.backupmock.server.state.Emulator;
import io.backupmock.server.gateway.ApiRequest;
import io.backupmock.server.gateway.ApiResponse;
import io.backupmock.server.gateway.Operation;

/**
 * BackupOperationStatuses_Get: {@code GET …/vaults/{v}/backupOperations/{op}} → 200 OperationStatus,
 * for any operation of the vault (the Azure CLI polls item triggers here too).
 */
public final class BackupOperationStatusesGet implements Operation {
    private final Emulator emulator;

    public BackupOperationStatusesGet(Emulator emulator) {
        this.emulator = emulator;
    }

    @Override
    public ApiResponse handle(ApiRequest req) {
        return OperationStatuses.status(emulator, req);
    }
}
