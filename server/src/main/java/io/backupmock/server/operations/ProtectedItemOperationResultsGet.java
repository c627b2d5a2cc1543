package io.backupmock.server.operations;

import io.backupmock.server.state.Emulator;
import io.backupmock.server.gateway.ApiRequest;
import io.backupmock.server.gateway.ApiResponse;
import io.backupmock.server.gateway.Operation;
import io.backupmock.server.jobs.JobOperation;
import io.backupmock.server.tenancy.ProtectedItem;
import io.backupmock.server.tenancy.Vault;
import io.backupmock.server.tracking.AsyncOperation;
import io.backupmock.server.wire.ItemRenderer;

/**
 * ProtectedItemOperationResults_Get: {@code GET …/protectedItems/{item}/operationResults/{op}} →
 * 202 while the operation runs; then 200 with the ProtectedItemResource after a protection change,
 * 204 after a backup or restore.
 */
public final class ProtectedItemOperationResultsGet implements Operation {
    private final Emulator emulator;

    public ProtectedItemOperationResultsGet(Emulator emulator) {
        this.emulator = emulator;
    }

    @Override
    public ApiResponse handle(ApiRequest req) {
        Vault vault = Lookups.vault(emulator, req);
        AsyncOperation op = Lookups.operation(vault, req.param("operationId"), AsyncOperation.Kind.ITEM);
        ProtectedItem item = Lookups.item(emulator, req);
        if (OperationStatuses.finished(op.at(req.now())) == null) {
            return Lookups.accepted(emulator, req, TriggerPaths.itemStatus(item, op),
                    TriggerPaths.itemResult(item, op));
        }
        JobOperation what = op.job() == null ? null : op.job().operation();
        if (what == JobOperation.ConfigureBackup || what == JobOperation.DisableBackup) {
            return ApiResponse.ok(ItemRenderer.render(item, req.now()));
        }
        return ApiResponse.noContent();
    }
}
