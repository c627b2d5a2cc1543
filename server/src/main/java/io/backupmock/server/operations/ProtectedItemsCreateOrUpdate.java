package io.backupmock.server.operations;

import com.fasterxml.jackson.databind.JsonNode;
import io.backupmock.contracts.Schemas;
import io.backupmock.server.state.Emulator;
import io.backupmock.server.gateway.ApiError;
import io.backupmock.server.gateway.ApiRequest;
import io.backupmock.server.gateway.ApiResponse;
import io.backupmock.server.gateway.Operation;
import io.backupmock.server.tenancy.ItemKind;
import io.backupmock.server.tenancy.ProtectedItem;
import io.backupmock.server.tenancy.Vault;
import io.backupmock.server.tracking.AsyncOperation;

/**
 * ProtectedItems_CreateOrUpdate: {@code PUT …/protectedItems/{item}} → 202. Enables protection or
 * changes the policy (a ConfigureBackup job), or stops protection keeping the data when the body
 * says {@code protectionState: ProtectionStopped} or an empty {@code policyId} (a DisableBackup job).
 */
public final class ProtectedItemsCreateOrUpdate implements Operation {
    private final Emulator emulator;

    public ProtectedItemsCreateOrUpdate(Emulator emulator) {
        this.emulator = emulator;
    }

    @Override
    public ApiResponse handle(ApiRequest req) {
        String itemName = req.param("protectedItemName");
        ItemKind kind = ItemKind.ofItemName(itemName);
        if (kind == null) {
            throw ApiError.invalidInput("Invalid input: '" + itemName + "' is not a protected item name Azure "
                    + "Backup knows, such as VM;iaasvmcontainerv2;<resourceGroup>;<vmName>.");
        }
        JsonNode properties = RequestBodies.properties(req.json(Schemas.PROTECTED_ITEM_RESOURCE), "ProtectedItemResource");
        String type = RequestBodies.text(properties, "protectedItemType");
        boolean classicVm = kind == ItemKind.IAAS_VM && type.equals("Microsoft.ClassicCompute/virtualMachines");
        if (!type.equals(kind.protectedItemType()) && !classicVm) {
            throw ApiError.invalidInput("Invalid input: the item '" + itemName + "' takes properties."
                    + "protectedItemType '" + kind.protectedItemType() + "', not '" + type + "'.");
        }
        String policyId = RequestBodies.text(properties, "policyId");
        String sourceResourceId = RequestBodies.text(properties, "sourceResourceId");
        String state = RequestBodies.text(properties, "protectionState");
        boolean stop = "ProtectionStopped".equalsIgnoreCase(state) || (policyId != null && policyId.isEmpty());
        Vault vault = Lookups.vault(emulator, req);
        AsyncOperation op = vault.configureProtection(req.param("fabricName"), req.param("containerName"), itemName,
                kind, policyId, sourceResourceId, stop, req.now());
        ProtectedItem item = vault.item(req.param("fabricName"), req.param("containerName"), itemName, req.now());
        return Lookups.accepted(emulator, req, TriggerPaths.itemStatus(item, op), TriggerPaths.itemResult(item, op));
    }
}
