package io.backupmock.server.operations;

import com.fasterxml.jackson.databind.JsonNode;
import io.backupmock.contracts.Schemas;
import io.backupmock.server.state.Emulator;
import io.backupmock.server.gateway.ApiError;
import io.backupmock.server.gateway.ApiRequest;
import io.backupmock.server.gateway.ApiResponse;
import io.backupmock.server.gateway.Operation;
import io.backupmock.server.jobs.JobOperation;
import io.backupmock.server.tenancy.ProtectedItem;
import io.backupmock.server.tracking.AsyncOperation;

/** Restores_Trigger: {@code POST …/protectedItems/{item}/recoveryPoints/{rp}/restore} → 202, a Restore job. */
public final class RestoresTrigger implements Operation {
    private final Emulator emulator;

    public RestoresTrigger(Emulator emulator) {
        this.emulator = emulator;
    }

    @Override
    public ApiResponse handle(ApiRequest req) {
        ProtectedItem item = Lookups.item(emulator, req);
        JsonNode properties = RequestBodies.properties(req.json(Schemas.RESTORE_REQUEST_RESOURCE), "RestoreRequestResource");
        String objectType = RequestBodies.text(properties, "objectType");
        if (!item.kind().restoreRequestTypes().contains(objectType)) {
            throw ApiError.invalidInput("Invalid input: a restore of a " + item.kind().workloadType()
                    + " item takes properties.objectType one of " + item.kind().restoreRequestTypes() + ", not '"
                    + objectType + "'.");
        }
        String recoveryPointId = RequestBodies.text(properties, "recoveryPointId");
        if (recoveryPointId != null && !recoveryPointId.equalsIgnoreCase(req.param("recoveryPointId"))) {
            throw ApiError.invalidInput("Invalid input: properties.recoveryPointId '" + recoveryPointId
                    + "' differs from the recovery point in the URL, '" + req.param("recoveryPointId") + "'.");
        }
        AsyncOperation op = item.vault().trigger(JobOperation.Restore, item, AsyncOperation.Kind.ITEM, req.now());
        return Lookups.accepted(emulator, req, TriggerPaths.itemStatus(item, op), TriggerPaths.itemResult(item, op));
    }
}
