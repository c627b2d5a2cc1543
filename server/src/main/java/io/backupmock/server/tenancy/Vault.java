package io.backupmock.server.tenancy;

import io.backupmock.server.jobs.ConcurrentBackup;
import io.backupmock.server.jobs.Job;
import io.backupmock.server.jobs.JobBook;
import io.backupmock.server.jobs.JobErrorDetail;
import io.backupmock.server.jobs.JobFilter;
import io.backupmock.server.jobs.JobOperation;
import io.backupmock.server.jobs.JobRule;
import io.backupmock.server.jobs.JobScript;
import io.backupmock.server.jobs.JobSubject;
import io.backupmock.server.jobs.JobType;
import io.backupmock.server.jobs.OperationScript;
import io.backupmock.server.tracking.AsyncOperation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import io.backupmock.server.ids.Guids;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Recovery Services vault: its protected items, jobs and operations, and the scripts its next
 * jobs will follow. The scenario in force is asked for at each trigger, so a new scenario applies
 * to every vault at once.
 */
public final class Vault {
    private final String subscriptionId;
    private final String resourceGroup;
    private final String name;
    private final Tenancy tenancy;
    private final JobBook jobs = new JobBook();
    private final Map<String, AsyncOperation> operations = new ConcurrentHashMap<>();
    /** The cancel operation of each job cancelled: a repeated cancel answers with the same one. */
    private final Map<String, AsyncOperation> cancels = new ConcurrentHashMap<>();
    private final String path;
    private final Map<String, ProtectedItem> items = new ConcurrentHashMap<>();
    private final Map<String, Boolean> deletedItems = new ConcurrentHashMap<>();
    private final LinkedList<JobScript> nextJobs = new LinkedList<>();
    /** The errorTitle Azure gives a backup job started while another backup of the item runs. */
    public static final String BACKUP_IN_PROGRESS = "UserErrorBackupOperationInProgress";

    Vault(String subscriptionId, String resourceGroup, String name, Tenancy tenancy) {
        this.subscriptionId = subscriptionId;
        this.resourceGroup = resourceGroup;
        this.name = name;
        this.tenancy = tenancy;
        this.path = "/subscriptions/" + subscriptionId + "/resourceGroups/" + resourceGroup
                + "/providers/Microsoft.RecoveryServices/vaults/" + name;
    }

    public String subscriptionId() {
        return subscriptionId;
    }

    public String resourceGroup() {
        return resourceGroup;
    }

    public String name() {
        return name;
    }

    /** ARM path of the vault, from {@code /subscriptions/…} (made once: every job answer starts with it). */
    public String path() {
        return path;
    }

    public JobBook jobs() {
        return jobs;
    }

    // ---- protected items ----

    /**
     * The item at this path, springing into being (protected, with the default policy) on first
     * mention unless the tenancy is strict; null if it was deleted, was never declared in strict
     * mode, or its name follows none of Azure's forms.
     */
    public ProtectedItem item(String fabric, String container, String itemName, Instant now) {
        String key = ProtectedItem.key(container, itemName);
        ProtectedItem existing = items.get(key);
        if (existing != null || deletedItems.containsKey(key) || tenancy.strict()) {
            return existing;
        }
        ItemKind kind = ItemKind.ofItemName(itemName);
        if (kind == null) {
            return null;
        }
        return items.computeIfAbsent(key, k -> new ProtectedItem(this, fabric, container, itemName, kind,
                ProtectionState.Protected, now));
    }

    /**
     * Declares an item as it stands, e.g. from a configuration file.
     *
     * @param state    Protected, IRPending or ProtectionStopped
     * @param policyId null: the vault's DefaultPolicy
     * @throws IllegalArgumentException if the name follows none of Azure's forms
     */
    public ProtectedItem declareItem(String fabric, String container, String itemName, ProtectionState state,
                                     String policyId, Instant now) {
        ItemKind kind = ItemKind.ofItemName(itemName);
        if (kind == null) {
            throw new IllegalArgumentException("'" + itemName + "' is not a protected item name Azure Backup uses, "
                    + "such as VM;iaasvmcontainerv2;<resourceGroup>;<vmName> or AzureFileShare;<share>");
        }
        String key = ProtectedItem.key(container, itemName);
        deletedItems.remove(key);
        ProtectedItem item = new ProtectedItem(this, fabric, container, itemName, kind, state, now);
        if (policyId != null) {
            item.usePolicy(policyId);
        }
        items.put(key, item);
        return item;
    }

    /** Every item not deleted, by name. */
    public List<ProtectedItem> items() {
        List<ProtectedItem> out = new ArrayList<>(items.values());
        out.sort(Comparator.comparing(i -> i.name().toLowerCase(Locale.ROOT)));
        return out;
    }

    /**
     * Enables protection (or changes its policy, or stops it keeping the data): a ConfigureBackup
     * job, or DisableBackup when {@code stop}. A deleted item comes back.
     */
    public AsyncOperation configureProtection(String fabric, String container, String itemName, ItemKind kind,
                                              String policyId, String sourceResourceId, boolean stop, Instant now) {
        String key = ProtectedItem.key(container, itemName);
        deletedItems.remove(key);
        ProtectedItem item = items.computeIfAbsent(key, k -> new ProtectedItem(this, fabric, container, itemName,
                kind, ProtectionState.IRPending, now));
        item.configure(policyId, sourceResourceId, stop, now);
        return trigger(stop ? JobOperation.DisableBackup : JobOperation.ConfigureBackup, item,
                AsyncOperation.Kind.ITEM, now);
    }

    /** Stops protection and deletes the backup data: a DeleteBackupData job; the item is gone at once. */
    public AsyncOperation deleteItem(ProtectedItem item, Instant now) {
        items.remove(item.key());
        deletedItems.put(item.key(), Boolean.TRUE);
        return trigger(JobOperation.DeleteBackupData, item, AsyncOperation.Kind.ITEM_DELETE, now);
    }

    /** Whether an item at this path was deleted (and not protected again since). */
    public boolean isDeleted(String container, String itemName) {
        return deletedItems.containsKey(ProtectedItem.key(container, itemName));
    }

    // ---- jobs and operations ----

    /** Queues scripts for the next jobs triggered in this vault, before the scenario's defaults. */
    public void queueNextJobs(List<JobScript> scripts) {
        synchronized (nextJobs) {
            nextJobs.addAll(scripts);
        }
    }

    /**
     * Starts a job of {@code operation} on {@code item} through an asynchronous operation, as the
     * triggers do. A script that gives no trigger takes the scenario's for the operation. A backup
     * of an item whose last backup still runs follows the scenario's {@link ConcurrentBackup}.
     *
     * @throws ItemBusyException when the scenario refuses a second backup of a busy item
     */
    public AsyncOperation trigger(JobOperation operation, ProtectedItem item, AsyncOperation.Kind kind, Instant now) {
        if (operation != JobOperation.Backup || item == null) {
            return start(operation, item, kind, now);
        }
        synchronized (item) {
            Job running = item.runningBackup(now);
            ConcurrentBackup rule = tenancy.scenario().concurrentBackupOrDefault();
            if (running == null || rule == ConcurrentBackup.Allow) {
                return start(operation, item, kind, now);
            }
            if (rule == ConcurrentBackup.Refuse) {
                throw new ItemBusyException(item, running);
            }
            return register(new AsyncOperation(Guids.next(), kind, now,
                    tenancy.scenario().triggerFor(operation), backupInProgressFailure(item, now), item.key(), null));
        }
    }

    private AsyncOperation start(JobOperation operation, ProtectedItem item, AsyncOperation.Kind kind, Instant now) {
        JobScript script = nextScript(operation, item);
        OperationScript trigger = script.triggerOr(tenancy.scenario().triggerFor(operation));
        Job job = null;
        if (!trigger.fails()) {
            job = startJob(operation, script, item, now);
        }
        return register(new AsyncOperation(Guids.next(), kind, now, trigger, job,
                item == null ? null : item.key(), null));
    }

    /**
     * The job of a backup triggered while another runs: failed at once with Azure's
     * UserErrorBackupOperationInProgress. It is listed with the vault's jobs but is not the item's
     * last backup, which is still the one running.
     */
    private Job backupInProgressFailure(ProtectedItem item, Instant now) {
        JobScript script = JobScript.backup().cancellable(false).fails(new JobErrorDetail(null,
                BACKUP_IN_PROGRESS, "Unable to initiate backup as another backup operation is currently in progress",
                List.of("Wait for the backup in progress to complete, or cancel it, then trigger the backup again.")))
                .build();
        Job job = new Job(Guids.next(), JobOperation.Backup, item.kind().jobType(),
                new JobSubject(item.friendlyName(), item.containerNameInProperties(), item.kind().managementType(),
                        item.kind().workloadType(), item.key()), script, now);
        jobs.add(job);
        return job;
    }

    /** Creates a job directly, without an operation: for tests and seeding. */
    public Job startJob(JobOperation operation, JobScript script, ProtectedItem item, Instant start) {
        return startJob(Guids.next(), operation, script, item, start);
    }

    /** Creates a job with a chosen id directly, e.g. the id a contract names. */
    public Job startJob(String id, JobOperation operation, JobScript script, ProtectedItem item, Instant start) {
        JobType type = script.jobType() != null ? script.jobType()
                : item != null ? item.kind().jobType() : JobType.VaultJob;
        JobSubject subject = item == null
                ? new JobSubject(name, null, type.managementType(), null, null)
                : new JobSubject(item.friendlyName(), item.containerNameInProperties(), item.kind().managementType(),
                item.kind().workloadType(), item.key());
        Job job = new Job(id, operation, type, subject, script, start);
        jobs.add(job);
        if (item != null) {
            item.jobStarted(job);
        }
        return job;
    }

    /**
     * Records a cancel of {@code job}; the operation is done when the job is Cancelled. A job has
     * one cancel operation: cancelling it again answers with the same one, so a client retrying in
     * a loop adds nothing.
     */
    public AsyncOperation trackCancel(Job job, Instant now) {
        return cancels.computeIfAbsent(job.id().toLowerCase(Locale.ROOT), id -> register(new AsyncOperation(
                Guids.next(), AsyncOperation.Kind.JOB_CANCEL, now, OperationScript.IMMEDIATE, job,
                null, null)));
    }

    /** Starts an export of the jobs matching {@code filter}. */
    public AsyncOperation export(JobFilter filter, Instant now) {
        return register(new AsyncOperation(Guids.next(), AsyncOperation.Kind.EXPORT, now,
                tenancy.scenario().export(), null, null, filter));
    }

    /** The operation with this id (case-insensitive), or null. */
    public AsyncOperation operation(String id) {
        return operations.get(id.toLowerCase(Locale.ROOT));
    }

    private AsyncOperation register(AsyncOperation op) {
        operations.put(op.id().toLowerCase(Locale.ROOT), op);
        return op;
    }

    /** The vault's queue first, then the standing rules, then the scenario's default. */
    private JobScript nextScript(JobOperation operation, ProtectedItem item) {
        synchronized (nextJobs) {
            for (Iterator<JobScript> it = nextJobs.iterator(); it.hasNext(); ) {
                JobScript script = it.next();
                if (script.operation() == null || script.operation() == operation) {
                    it.remove();
                    return script;
                }
            }
        }
        JobType type = item == null ? JobType.VaultJob : item.kind().jobType();
        for (JobRule rule : tenancy.rules()) {
            if (rule.appliesTo(operation, resourceGroup, name, item == null ? null : item.name(), type)) {
                return rule.script();
            }
        }
        return tenancy.scenario().scriptFor(operation);
    }

    /** Scripts still queued for the next jobs. */
    public List<JobScript> queuedNextJobs() {
        synchronized (nextJobs) {
            return List.copyOf(nextJobs);
        }
    }

    /** Every operation of the vault. */
    public List<AsyncOperation> operations() {
        return List.copyOf(operations.values());
    }
}
