package io.backupmock.server.operations;

import com.fasterxml.jackson.databind.JsonNode;
import io.backupmock.contracts.Schemas;
import io.backupmock.server.state.Emulator;
import io.backupmock.server.gateway.ApiError;
import io.backupmock.server.gateway.ApiRequest;
import io.backupmock.server.gateway.ApiResponse;
import io.backupmock.server.gateway.Operation;
import io.backupmock.server.jobs.JobOperation;
import io.backupmock.server.tenancy.ItemBusyException;
import io.backupmock.server.tenancy.ProtectedItem;
import io.backupmock.server.tenancy.ProtectionState;
import io.backupmock.server.tracking.AsyncOperation;

/** Backups_Trigger: {@code POST …/protectedItems/{item}/backup} → 202, a Backup job. */
public final class BackupsTrigger implements Operation {
    private final Emulator emulator;

    public BackupsTrigger(Emulator emulator) {
        this.emulator = emulator;
    }

    @Override
    public ApiResponse handle(ApiRequest req) {
        ProtectedItem item = Lookups.item(emulator, req);
        JsonNode properties = RequestBodies.properties(req.json(Schemas.BACKUP_REQUEST_RESOURCE), "BackupRequestResource");
        String objectType = RequestBodies.text(properties, "objectType");
        if (!objectType.equals(item.kind().backupRequestType())) {
            throw ApiError.invalidInput("Invalid input: a backup of a " + item.kind().workloadType()
                    + " item takes properties.objectType '" + item.kind().backupRequestType() + "', not '"
                    + objectType + "'.");
        }
        if (item.protectionState(req.now()) == ProtectionState.ProtectionStopped) {
            throw ApiError.badRequest("BMSUserErrorInvalidInput", "Protection is stopped for item '" + item.name()
                    + "'. Resume protection before triggering a backup.");
        }
        AsyncOperation op;
        try {
            op = item.vault().trigger(JobOperation.Backup, item, AsyncOperation.Kind.ITEM, req.now());
        } catch (ItemBusyException e) {
            throw ApiError.badRequest("BMSUserErrorObjectLocked", "Another operation is in progress on the selected "
                    + "item. A backup of '" + item.name() + "' is running (job " + e.running().id()
                    + "); wait for it to complete, or cancel it, and retry.");
        }
        return Lookups.accepted(emulator, req, TriggerPaths.itemStatus(item, op), TriggerPaths.itemResult(item, op));
    }
}
