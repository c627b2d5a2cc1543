package io.backupmock.server.tenancy;

import io.backupmock.server.jobs.Job;
import io.backupmock.server.jobs.JobOperation;
import io.backupmock.server.jobs.JobSnapshot;
import io.backupmock.server.jobs.JobStatus;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A protected item of a vault: a VM, file share or database under a protection container. Its
 * protection state and last backup follow from the jobs run on it.
 */
public final class ProtectedItem {
    private final Vault vault;
    private final String fabricName;
    private final String containerName;
    private final String name;
    private final ItemKind kind;
    private final String protectedItemDataId;
    private volatile String policyId;
    private volatile String sourceResourceId;
    private volatile ProtectionState configuredState;
    private volatile Instant configuredAt = Instant.MIN;
    private volatile Job lastBackup;

    ProtectedItem(Vault vault, String fabricName, String containerName, String name, ItemKind kind,
                  ProtectionState initialState, Instant now) {
        this.vault = vault;
        this.fabricName = fabricName;
        this.containerName = containerName;
        this.name = name;
        this.kind = kind;
        this.protectedItemDataId = Long.toString(ThreadLocalRandom.current().nextLong(1L << 48, 1L << 59));
        this.policyId = vault.path() + "/backupPolicies/DefaultPolicy";
        this.sourceResourceId = defaultSourceResourceId();
        this.configuredState = initialState;
        this.configuredAt = now;
    }

    /** Identity within the vault: container and item names, case-insensitive. */
    public static String key(String containerName, String itemName) {
        return (containerName + "/" + itemName).toLowerCase(Locale.ROOT);
    }

    public String key() {
        return key(containerName, name);
    }

    public Vault vault() {
        return vault;
    }

    public String fabricName() {
        return fabricName;
    }

    public String containerName() {
        return containerName;
    }

    public String name() {
        return name;
    }

    public ItemKind kind() {
        return kind;
    }

    public String protectedItemDataId() {
        return protectedItemDataId;
    }

    public String policyId() {
        return policyId;
    }

    public String sourceResourceId() {
        return sourceResourceId;
    }

    /** The workload's name: the last {@code ;}-separated part of the item name. */
    public String friendlyName() {
        return name.substring(name.lastIndexOf(';') + 1);
    }

    /** The container name as item and job properties give it: for VMs, without the {@code iaasvmcontainer;} prefix. */
    public String containerNameInProperties() {
        if (kind == ItemKind.IAAS_VM && containerName.toLowerCase(Locale.ROOT).startsWith("iaasvmcontainer;")) {
            return containerName.substring("iaasvmcontainer;".length());
        }
        return containerName;
    }

    /** ARM path of the item, from {@code /subscriptions/…}. */
    public String path() {
        return vault.path() + "/backupFabrics/" + fabricName + "/protectionContainers/" + containerName
                + "/protectedItems/" + name;
    }

    public String policyName() {
        String id = policyId;
        return id == null || id.isEmpty() ? null : id.substring(id.lastIndexOf('/') + 1);
    }

    /** Protected once a backup has completed since protection was configured; IRPending until then. */
    public ProtectionState protectionState(Instant now) {
        ProtectionState state = configuredState;
        if (state != ProtectionState.IRPending) {
            return state;
        }
        Job backup = lastBackup;
        if (backup != null && !backup.startTime().isBefore(configuredAt)) {
            JobStatus status = backup.at(now).status();
            if (status == JobStatus.Completed || status == JobStatus.CompletedWithWarnings) {
                return ProtectionState.Protected;
            }
        }
        return ProtectionState.IRPending;
    }

    /** The latest backup job run on this item, or null. */
    public JobSnapshot lastBackup(Instant now) {
        Job job = lastBackup;
        return job == null ? null : job.at(now);
    }

    void usePolicy(String id) {
        policyId = id;
    }

    synchronized void configure(String newPolicyId, String newSourceResourceId, boolean stop, Instant now) {
        if (stop) {
            configuredState = ProtectionState.ProtectionStopped;
            return;
        }
        if (newPolicyId != null) {
            policyId = newPolicyId;
        }
        if (newSourceResourceId != null) {
            sourceResourceId = newSourceResourceId;
        }
        if (configuredState != ProtectionState.Protected) {
            configuredState = ProtectionState.IRPending;
            configuredAt = now;
        }
    }

    /** The backup of this item still running at {@code now}, or null. */
    Job runningBackup(Instant now) {
        Job backup = lastBackup;
        return backup != null && !backup.statusAt(now).isTerminal() ? backup : null;
    }

    void jobStarted(Job job) {
        if (job.operation() == JobOperation.Backup) {
            lastBackup = job;
        }
    }

    private String defaultSourceResourceId() {
        String[] parts = name.split(";");
        if (kind == ItemKind.IAAS_VM && parts.length >= 4) {
            return "/subscriptions/" + vault.subscriptionId() + "/resourceGroups/" + parts[parts.length - 2]
                    + "/providers/Microsoft.Compute/virtualMachines/" + parts[parts.length - 1];
        }
        return null;
    }
}
