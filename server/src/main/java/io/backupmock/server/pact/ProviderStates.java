package io.backupmock.server.pact;

import io.backupmock.server.clock.VirtualClock;
import io.backupmock.server.config.EmulatorConfig.ItemConfig;
import io.backupmock.server.control.Control;
import io.backupmock.server.jobs.Job;
import io.backupmock.server.jobs.JobErrorDetail;
import io.backupmock.server.jobs.JobOperation;
import io.backupmock.server.jobs.JobScript;
import io.backupmock.server.tenancy.ProtectedItem;
import io.backupmock.server.tenancy.Vault;
import io.backupmock.server.tracking.AsyncOperation;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.backupmock.server.ids.Guids;

/**
 * The provider states of Azure Backup contracts, mapped onto the emulator. Each sets up one
 * subscription's vault and answers the values a pact may inject through provider-state
 * expressions ({@code ${subscriptionId}}, {@code ${jobId}}, {@code ${operationId}}…). Parameters a
 * pact passes with the state (e.g. a {@code jobId} it hard-codes) are honoured.
 *
 * <p>States, by their exact names:
 * <ul>
 *   <li>{@value #ITEM_PROTECTED}</li>
 *   <li>{@value #JOB_IN_PROGRESS}</li>
 *   <li>{@value #JOB_COMPLETED}</li>
 *   <li>{@value #JOB_COMPLETED_WITH_WARNINGS}</li>
 *   <li>{@value #JOB_FAILED}</li>
 *   <li>{@value #JOB_CANCELLED}</li>
 *   <li>{@value #JOB_MISSING}</li>
 *   <li>{@value #OPERATION_IN_PROGRESS}</li>
 *   <li>{@value #OPERATION_SUCCEEDED}</li>
 *   <li>{@value #VAULT_HAS_JOBS}</li>
 * </ul>
 */
public final class ProviderStates {
    public static final String ITEM_PROTECTED = "protected item {item} exists";
    public static final String JOB_IN_PROGRESS = "a backup job {jobId} is InProgress";
    public static final String JOB_COMPLETED = "job {jobId} completed";
    public static final String JOB_COMPLETED_WITH_WARNINGS = "job {jobId} completed with warnings";
    public static final String JOB_FAILED = "job {jobId} failed";
    public static final String JOB_CANCELLED = "job {jobId} was cancelled by operation {operationId}";
    public static final String JOB_MISSING = "job {jobId} does not exist";
    public static final String OPERATION_IN_PROGRESS = "operation {operationId} is InProgress";
    public static final String OPERATION_SUCCEEDED = "operation {operationId} succeeded with job {jobId}";
    public static final String VAULT_HAS_JOBS = "vault {vault} has {count} jobs";

    public static final List<String> ALL = List.of(ITEM_PROTECTED, JOB_IN_PROGRESS, JOB_COMPLETED,
            JOB_COMPLETED_WITH_WARNINGS, JOB_FAILED, JOB_CANCELLED, JOB_MISSING, OPERATION_IN_PROGRESS,
            OPERATION_SUCCEEDED, VAULT_HAS_JOBS);

    static final String RESOURCE_GROUP = "testVaultRG";
    static final String VAULT = "testVault";
    static final String VM_RESOURCE_GROUP = "testRG";
    static final String VM = "testVM";
    static final Duration SNAPSHOT = Duration.ofMinutes(2);
    static final Duration TRANSFER = Duration.ofMinutes(18);

    private final Control control;
    private final String subscriptionId;

    private ProviderStates(Control control, String subscriptionId) {
        this.control = control;
        this.subscriptionId = subscriptionId;
    }

    /**
     * Sets up a provider state through the control surface, in a subscription (the params'
     * {@code subscriptionId}, else {@code subscriptionId}, else a fresh one) that gets a virtual
     * clock of its own if it has none, since states move it; answers the values a pact injects.
     *
     * @throws IllegalArgumentException for an unknown state ({@link UnknownProviderStateException}) or bad params
     */
    public static Map<String, Object> setUp(Control control, String state, Map<String, ?> params,
                                            String subscriptionId) {
        if (state == null || state.isBlank()) {
            throw new IllegalArgumentException("state: required, one of: " + String.join("; ", ALL));
        }
        Map<String, ?> given = params == null ? Map.of() : params;
        Object named = given.get("subscriptionId");
        String subscription = named != null ? String.valueOf(named)
                : subscriptionId != null ? subscriptionId : Guids.next();
        java.time.Clock clock = control.clock(subscription);
        if (!(clock instanceof VirtualClock)) {
            control.useClock(subscription, new VirtualClock(clock.instant()));
        }
        return new ProviderStates(control, subscription).setUp(state, given);
    }

    private Map<String, Object> setUp(String state, Map<String, ?> params) {
        Setup s = new Setup(params == null ? Map.of() : params);
        switch (state) {
            case ITEM_PROTECTED -> s.item();
            case JOB_IN_PROGRESS -> s.job(JobScript.backup().task("Take Snapshot", SNAPSHOT)
                    .task("Transfer data to vault", TRANSFER).build(), Duration.ofMinutes(1));
            case JOB_COMPLETED -> s.job(JobScript.backup().task("Take Snapshot", SNAPSHOT)
                    .task("Transfer data to vault", TRANSFER).property("Backup Size", "2332 MB").build(),
                    SNAPSHOT.plus(TRANSFER));
            case JOB_COMPLETED_WITH_WARNINGS -> s.job(JobScript.backup().task("Take Snapshot", SNAPSHOT)
                    .task("Transfer data to vault", TRANSFER)
                    .completesWithWarnings(JobErrorDetail.warning("Some files could not be backed up.",
                            "Check the VM's file system.")).build(), SNAPSHOT.plus(TRANSFER));
            case JOB_FAILED -> s.job(JobScript.backup().task("Take Snapshot", SNAPSHOT)
                    .fails(JobErrorDetail.of(400002, "UserErrorVmNotFoundV2", "Virtual machine doesn't exist.",
                            "Make sure the virtual machine exists.")).build(), SNAPSHOT);
            case JOB_CANCELLED -> s.cancelledJob();
            case JOB_MISSING -> s.missingJob();
            case OPERATION_IN_PROGRESS -> s.operation(Duration.ZERO);
            case OPERATION_SUCCEEDED -> s.operation(Duration.ofSeconds(2));
            case VAULT_HAS_JOBS -> s.jobs();
            default -> throw new UnknownProviderStateException(state);
        }
        return s.values;
    }

    /** One state's set-up: the vault, item and clock it works on, and the values it injects. */
    private final class Setup {
        final Map<String, ?> params;
        final Map<String, Object> values = new LinkedHashMap<>();
        final String subscription;
        final Vault vault;
        final VirtualClock clock;

        Setup(Map<String, ?> params) {
            this.params = params;
            this.subscription = text("subscriptionId", subscriptionId);
            if (!(control.clock(subscription) instanceof VirtualClock virtual)) {
                throw new IllegalArgumentException("provider states need a virtual clock for subscription "
                        + subscription);
            }
            this.clock = virtual;
            this.vault = control.vault(subscription, text("resourceGroup", RESOURCE_GROUP), text("vault", VAULT));
            values.put("subscriptionId", subscription);
            values.put("resourceGroup", vault.resourceGroup());
            values.put("vault", vault.name());
        }

        ProtectedItem item() {
            ItemConfig vm = ItemConfig.vm(VM_RESOURCE_GROUP, VM);
            ProtectedItem item = control.item(vault, ItemConfig.of(text("container", vm.container()),
                    text("item", vm.name())));
            values.put("fabric", item.fabricName());
            values.put("container", item.containerName());
            values.put("item", item.name());
            return item;
        }

        void job(JobScript script, Duration runFor) {
            Job job = control.createJob(vault, text("jobId", Guids.next()), itemConfig(), script);
            clock.advance(runFor);
            values.put("jobId", job.id());
        }

        void cancelledJob() {
            Job job = control.createJob(vault, text("jobId", Guids.next()), itemConfig(),
                    JobScript.backup().task("Take Snapshot", SNAPSHOT).task("Transfer data to vault", TRANSFER).build());
            clock.advance(Duration.ofMinutes(1));
            job.cancel(clock.instant());
            AsyncOperation cancel = vault.trackCancel(job, clock.instant());
            clock.advance(job.script().cancellationTime());
            values.put("jobId", job.id());
            values.put("operationId", cancel.id());
        }

        void missingJob() {
            String id = text("jobId", Guids.next());
            if (vault.jobs().find(id) != null) {
                throw new IllegalArgumentException("job " + id + " exists in vault " + vault.name());
            }
            values.put("jobId", id);
        }

        void operation(Duration after) {
            ProtectedItem item = item();
            AsyncOperation op = vault.trigger(JobOperation.Backup, item, AsyncOperation.Kind.ITEM, clock.instant());
            clock.advance(after);
            values.put("operationId", op.id());
            if (op.job() != null) {
                values.put("jobId", op.job().id());
            }
        }

        void jobs() {
            ItemConfig item = itemConfig();
            int count;
            try {
                count = Integer.parseInt(text("count", "3"));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("count must be a whole number, not '" + text("count", "") + "'");
            }
            if (count < 0 || count > 100_000) {
                throw new IllegalArgumentException("count must be between 0 and 100000, not " + count);
            }
            String newest = null;
            for (int i = 0; i < count; i++) {
                newest = control.createJob(vault, item, JobScript.backup().task("Take Snapshot", SNAPSHOT)
                        .task("Transfer data to vault", TRANSFER).build()).id();
                clock.advance(Duration.ofMinutes(1));
            }
            clock.advance(SNAPSHOT.plus(TRANSFER));
            values.put("count", count);
            if (newest != null) {
                values.put("jobId", newest);
            }
        }

        /** The item the state works on (declared, values recorded), as the control surface names it. */
        ItemConfig itemConfig() {
            ProtectedItem item = item();
            return ItemConfig.of(item.containerName(), item.name());
        }

        String text(String name, String otherwise) {
            Object value = params.get(name);
            return value == null ? otherwise : String.valueOf(value);
        }
    }
}
