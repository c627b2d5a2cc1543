package io.backupmock.server.operations;

import io.backupmock.server.state.Emulator;
import io.backupmock.server.gateway.ApiRequest;
import io.backupmock.server.gateway.ApiResponse;
import io.backupmock.server.gateway.Operation;
import io.backupmock.server.tenancy.Vault;
import io.backupmock.server.tracking.AsyncOperation;

/** BackupOperationResults_Get: {@code GET …/vaults/{v}/backupOperationResults/{op}} → 202 while running, then 204. */
public final class BackupOperationResultsGet implements Operation {
    private final Emulator emulator;

    public BackupOperationResultsGet(Emulator emulator) {
        this.emulator = emulator;
    }

    @Override
    public ApiResponse handle(ApiRequest req) {
        Vault vault = Lookups.vault(emulator, req);
        AsyncOperation op = Lookups.operation(vault, req.param("operationId"), AsyncOperation.Kind.ITEM_DELETE);
        if (OperationStatuses.finished(op.at(req.now())) == null) {
            return Lookups.accepted(emulator, req, TriggerPaths.vaultStatus(vault, op),
                    TriggerPaths.vaultResult(vault, op));
        }
        return ApiResponse.noContent();
    }
}
