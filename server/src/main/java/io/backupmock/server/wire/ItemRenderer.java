package io.backupmock.server.wire;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backupmock.server.jobs.JobSnapshot;
import io.backupmock.server.tenancy.ItemKind;
import io.backupmock.server.tenancy.ProtectedItem;
import java.time.Instant;

/** Renders a protected item as a ProtectedItemResource. */
public final class ItemRenderer {
    public static final String RESOURCE_TYPE =
            "Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems";

    private ItemRenderer() {
    }

    public static ObjectNode render(ProtectedItem item, Instant now) {
        ObjectNode resource = Json.object();
        resource.put("id", item.path());
        resource.put("name", item.name());
        resource.put("type", RESOURCE_TYPE);
        ObjectNode p = resource.putObject("properties");
        p.put("protectedItemType", item.kind().protectedItemType());
        p.put("backupManagementType", item.kind().managementType().name());
        p.put("workloadType", item.kind().workloadType());
        p.put("containerName", item.containerNameInProperties());
        p.put("friendlyName", item.friendlyName());
        if (item.sourceResourceId() != null) {
            p.put("sourceResourceId", item.sourceResourceId());
            if (item.kind() == ItemKind.IAAS_VM) {
                p.put("virtualMachineId", item.sourceResourceId());
            }
        }
        if (item.policyId() != null && !item.policyId().isEmpty()) {
            p.put("policyId", item.policyId());
            p.put("policyName", item.policyName());
        }
        p.put("protectionState", item.protectionState(now).name());
        p.put("protectionStatus", "Healthy");
        if (item.kind() == ItemKind.IAAS_VM) {
            p.put("healthStatus", "Passed");
            p.put("protectedItemDataId", item.protectedItemDataId());
        }
        JobSnapshot last = item.lastBackup(now);
        if (last != null && last.status().isTerminal()) {
            p.put("lastBackupStatus", last.status().name());
            p.put("lastBackupTime", WireFormats.instant(last.startTime()));
        }
        return resource;
    }
}
