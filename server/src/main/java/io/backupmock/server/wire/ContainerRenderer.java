package io.backupmock.server.wire;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backupmock.server.tenancy.ItemKind;
import io.backupmock.server.tenancy.ProtectedItem;
import java.util.Locale;

/**
 * Renders the protection container of a protected item as a ProtectionContainerResource: an IaaS VM's
 * {@code IaasVMContainer;iaasvmcontainerv2;rg;vm} as an {@code AzureIaaSComputeVMContainer}
 * ({@code Microsoft.Compute/virtualMachines}; {@code iaasvmcontainer;} is a classic VM's), a file
 * share's {@code StorageContainer;Storage;rg;account} as an {@code AzureStorageContainer}, a
 * database's {@code VMAppContainer;Compute;rg;vm} as an {@code AzureVMAppContainer}. Every
 * container is registered and healthy.
 */
public final class ContainerRenderer {
    public static final String RESOURCE_TYPE = "Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers";

    private ContainerRenderer() {
    }

    /** The container's {@code containerType}, the discriminator of its properties. */
    public static String containerType(ProtectedItem item) {
        return switch (item.kind()) {
            case IAAS_VM -> item.containerName().toLowerCase(Locale.ROOT).contains("iaasvmcontainerv2;")
                    ? "Microsoft.Compute/virtualMachines" : "Microsoft.ClassicCompute/virtualMachines";
            case AZURE_FILE_SHARE -> "StorageContainer";
            default -> "VMAppContainer";
        };
    }

    /** The workload's name as the container shows it: the last {@code ;}-separated part of its name. */
    public static String friendlyName(ProtectedItem item) {
        String name = item.containerName();
        return name.substring(name.lastIndexOf(';') + 1);
    }

    public static ObjectNode render(ProtectedItem item) {
        ObjectNode resource = Json.object();
        resource.put("id", item.vault().path() + "/backupFabrics/" + item.fabricName() + "/protectionContainers/"
                + item.containerName());
        resource.put("name", item.containerName());
        resource.put("type", RESOURCE_TYPE);
        ObjectNode p = resource.putObject("properties");
        String[] parts = item.containerName().split(";");
        String resourceGroup = parts.length >= 2 ? parts[parts.length - 2] : item.vault().resourceGroup();
        String subscriptionRoot = "/subscriptions/" + item.vault().subscriptionId() + "/resourceGroups/"
                + resourceGroup + "/providers/";
        if (item.kind() == ItemKind.IAAS_VM) {
            boolean classic = containerType(item).startsWith("Microsoft.ClassicCompute");
            p.put("virtualMachineId", subscriptionRoot + (classic ? "Microsoft.ClassicCompute" : "Microsoft.Compute")
                    + "/virtualMachines/" + friendlyName(item));
            p.put("virtualMachineVersion", classic ? "ClassicCompute" : "Compute");
            p.put("resourceGroup", resourceGroup);
        } else if (item.kind() == ItemKind.AZURE_FILE_SHARE) {
            p.put("sourceResourceId", subscriptionRoot + "Microsoft.Storage/storageAccounts/" + friendlyName(item));
        } else {
            p.put("sourceResourceId", subscriptionRoot + "Microsoft.Compute/virtualMachines/" + friendlyName(item));
            p.put("workloadType", item.kind().workloadType());
        }
        p.put("friendlyName", friendlyName(item));
        p.put("backupManagementType", item.kind().managementType().name());
        p.put("registrationStatus", "Registered");
        p.put("healthStatus", "Healthy");
        p.put("containerType", containerType(item));
        return resource;
    }
}
