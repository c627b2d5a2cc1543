package io.backupmock.server.control;

import io.backupmock.server.state.Emulator;
import io.backupmock.server.clock.VirtualClock;
import io.backupmock.server.config.Declarations;
import io.backupmock.server.config.EmulatorConfig.ItemConfig;
import io.backupmock.server.config.EmulatorConfig.VaultConfig;
import io.backupmock.server.faults.Fault;
import io.backupmock.server.jobs.Job;
import io.backupmock.server.jobs.JobErrorDetail;
import io.backupmock.server.jobs.JobOperation;
import io.backupmock.server.jobs.JobRule;
import io.backupmock.server.jobs.JobScript;
import io.backupmock.server.jobs.Scenario;
import io.backupmock.server.tenancy.ItemKind;
import io.backupmock.server.tenancy.ProtectedItem;
import io.backupmock.server.tenancy.SubscriptionIds;
import io.backupmock.server.tenancy.Vault;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import io.backupmock.server.ids.Guids;
import java.util.function.Supplier;

/**
 * The one way to change the emulator: every front door (the testkit's Java API, configuration
 * files, the admin REST API, Pact provider states) is a thin adapter that translates its input
 * into these commands and their refusals into its own terms (Pact provider states are scenarios
 * made of them: the pact package's ProviderStates.setUp). Each command validates before it
 * acts, so a refused command changes nothing, and one mistake gets one message whatever the door.
 * Reads (what a vault holds, what a job looks like) go to the model directly.
 */
public final class Control {
    private final Emulator emulator;
    private volatile Declarations declared = Declarations.NONE;

    public Control(Emulator emulator) {
        this.emulator = Objects.requireNonNull(emulator, "emulator");
    }

    public Emulator emulator() {
        return emulator;
    }

    // ---- start and reset ----

    /** Declares what a start sets up (vaults, items, next jobs, rules, faults); a reset declares it again. */
    public void declare(Declarations declarations) {
        Objects.requireNonNull(declarations, "declarations");
        List<VaultConfig> vaults = declarations.vaults();
        for (int i = 0; i < vaults.size(); i++) {
            try {
                checkItems(vaults.get(i).items());
            } catch (ControlException e) {
                throw ControlException.invalid("vaults[" + i + "]." + e.getMessage());
            }
        }
        this.declared = declarations;
        emulator.declaredSubscriptions(declarations.vaults().stream().map(VaultConfig::subscriptionId).toList());
        declarations.vaults().forEach(this::declareVault);
        declarations.rules().forEach(emulator.tenancy()::addRule);
        emulator.faults().addAll(declarations.faults());
    }

    /**
     * Back to the state at start: every subscription, rule, fault, export and journal entry
     * forgotten, the scenario and clock the server started with, then the declarations made again.
     */
    public void reset() {
        emulator.clear();
        declare(declared);
    }

    /** Forgets one subscription: its vaults, jobs, operations, journal entries, faults and own clock. */
    public void forget(String subscriptionId) {
        emulator.forget(guid(subscriptionId));
    }

    // ---- vaults and items ----

    /** Declares a vault with its items (as they stand) and queues its next jobs. */
    public Vault declareVault(VaultConfig config) {
        checkItems(config.items());
        Instant now = emulator.clockFor(config.subscriptionId()).instant();
        Vault vault = emulator.tenancy().vault(config.subscriptionId(), config.resourceGroup(), config.name());
        for (ItemConfig item : config.items()) {
            vault.declareItem(item.fabric(), item.container(), item.name(), item.protectionState(), item.policyId(),
                    now);
        }
        vault.queueNextJobs(config.nextJobs());
        return vault;
    }

    /** The vault, springing into being if new, even in strict mode (declaring it). */
    public Vault vault(String subscriptionId, String resourceGroup, String vaultName) {
        return emulator.tenancy().vault(guid(subscriptionId), required("resourceGroup", resourceGroup),
                required("vault", vaultName));
    }

    /** The vault as a request would find it: in strict mode, only one declared. */
    public Vault existingVault(String subscriptionId, String resourceGroup, String vaultName) {
        Vault vault = emulator.tenancy().find(guid(subscriptionId), resourceGroup, vaultName);
        if (vault == null) {
            throw ControlException.notFound("no vault " + resourceGroup + "/" + vaultName + " in subscription "
                    + subscriptionId + "; declare it first");
        }
        return vault;
    }

    /** The item of the vault, springing into being (protected) unless the emulator is strict. */
    public ProtectedItem item(Vault vault, ItemConfig item) {
        checkItemName("item.name", item.name());
        ProtectedItem found = vault.item(item.fabric(), item.container(), item.name(), now(vault));
        if (found == null) {
            throw ControlException.invalid("item: vault " + vault.name() + " has no item " + item.name()
                    + (vault.isDeleted(item.container(), item.name()) ? " (it was deleted)"
                    : emulator.tenancy().strict() ? " (declare it first)" : ""));
        }
        return found;
    }

    /** The scripts the next jobs triggered in the vault follow, before the scenario's defaults. */
    public void queueNextJobs(Vault vault, List<JobScript> scripts) {
        vault.queueNextJobs(List.copyOf(scripts));
    }

    /**
     * Creates a job directly in the vault a request names (see {@link #existingVault}), checking
     * the item before the vault is looked up, so a refused job leaves no vault behind.
     */
    public Job createJob(String subscriptionId, String resourceGroup, String vaultName, ItemConfig item,
                         JobScript script) {
        Objects.requireNonNull(script, "script");
        if (item != null) {
            checkItemName("item.name", item.name());
        }
        return createJob(existingVault(subscriptionId, resourceGroup, vaultName), item, script);
    }

    /** Creates a job directly (no trigger), starting now, on {@code item} (or on the vault if null). */
    public Job createJob(Vault vault, ItemConfig item, JobScript script) {
        return createJob(vault, Guids.next(), item, script);
    }

    /** {@link #createJob(Vault, ItemConfig, JobScript)} with a chosen id, such as one a contract names. */
    public Job createJob(Vault vault, String jobId, ItemConfig item, JobScript script) {
        Objects.requireNonNull(script, "script");
        required("jobId", jobId);
        if (vault.jobs().find(jobId) != null) {
            throw ControlException.conflict("JobExists", "vault " + vault.name() + " already has a job " + jobId);
        }
        ProtectedItem target = item == null ? null : item(vault, item);
        JobOperation operation = script.operation() != null ? script.operation() : JobOperation.Backup;
        return vault.startJob(jobId, operation, script, target, now(vault));
    }

    /** Fails a running job now, with these errors: the task running then fails. */
    public Job failJob(Vault vault, String jobId, List<JobErrorDetail> errors) {
        Job job = job(vault, jobId);
        Instant now = now(vault);
        if (!job.fail(now, errors == null ? List.of() : errors)) {
            throw ControlException.conflict("JobNotRunning", "job " + job.id() + " is " + job.at(now).status()
                    + "; only a job in progress can be failed");
        }
        return job;
    }

    /** The job of the vault with this id. */
    public Job job(Vault vault, String jobId) {
        Job job = vault.jobs().find(jobId);
        if (job == null) {
            throw ControlException.notFound("vault " + vault.name() + " has no job " + jobId);
        }
        return job;
    }

    // ---- scenario and rules ----

    /** Lays {@code overrides} over the scenario the server started with; answers the merged scenario. */
    public Scenario scenario(Scenario overrides) {
        Scenario merged = emulator.tenancy().initialScenario().overriddenBy(Objects.requireNonNull(overrides));
        emulator.tenancy().scenario(merged);
        return merged;
    }

    /** Adds a standing rule, tried after the ones before it; answers every rule. */
    public List<JobRule> addRule(JobRule rule) {
        emulator.tenancy().addRule(Objects.requireNonNull(rule, "rule"));
        return emulator.tenancy().rules();
    }

    public void clearRules() {
        emulator.tenancy().clearRules();
    }

    // ---- faults ----

    public void addFault(Fault fault) {
        emulator.faults().add(Objects.requireNonNull(fault, "fault"));
    }

    /** Clears every fault, or only those of one subscription. */
    public void clearFaults(String subscriptionId) {
        if (subscriptionId == null) {
            emulator.faults().clear();
        } else {
            emulator.faults().clear(subscriptionId);
        }
    }

    // ---- clocks ----

    /** The clock of a subscription (its own, or the emulator's), or the emulator's for null. */
    public Clock clock(String subscriptionId) {
        return emulator.clockFor(subscriptionId);
    }

    /** Gives a subscription its own virtual clock, e.g. one per test. */
    public void useClock(String subscriptionId, VirtualClock clock) {
        emulator.useClock(guid(subscriptionId), Objects.requireNonNull(clock, "clock"));
    }

    public Instant advanceClock(String subscriptionId, Duration step) {
        VirtualClock clock = virtualClock(subscriptionId);
        return model(() -> clock.advance(Objects.requireNonNull(step, "advance")));
    }

    public Instant setClock(String subscriptionId, Instant instant) {
        VirtualClock clock = virtualClock(subscriptionId);
        return model(() -> clock.set(Objects.requireNonNull(instant, "set")));
    }

    public VirtualClock autoAdvance(String subscriptionId, Duration step) {
        VirtualClock clock = virtualClock(subscriptionId);
        return model(() -> clock.autoAdvance(Objects.requireNonNull(step, "autoAdvance")));
    }

    private VirtualClock virtualClock(String subscriptionId) {
        if (emulator.clockFor(subscriptionId) instanceof VirtualClock virtual) {
            return virtual;
        }
        throw ControlException.conflict("ClockNotVirtual", "The emulator runs on the system clock, which cannot "
                + "be moved; start it with \"clock\": {\"mode\": \"virtual\"} in its configuration.");
    }

    // ---- checks ----

    private Instant now(Vault vault) {
        return emulator.clockFor(vault.subscriptionId()).instant();
    }

    private static void checkItems(List<ItemConfig> items) {
        for (int i = 0; i < items.size(); i++) {
            checkItemName("items[" + i + "].name", items.get(i).name());
        }
    }

    private static void checkItemName(String field, String name) {
        if (ItemKind.ofItemName(name) == null) {
            throw ControlException.invalid(field + ": '" + name + "' is not a protected item name Azure Backup "
                    + "uses, such as VM;iaasvmcontainerv2;<resourceGroup>;<vmName> or AzureFileShare;<share>");
        }
    }

    private static String guid(String subscriptionId) {
        if (!SubscriptionIds.isGuid(subscriptionId)) {
            throw ControlException.invalid("subscriptionId: must be a GUID, not '" + subscriptionId + "'");
        }
        return subscriptionId;
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ControlException.invalid(field + ": required");
        }
        return value;
    }

    /** Runs a model call; the model's own refusals (IllegalArgumentException) become the door's. */
    private static <T> T model(Supplier<T> call) {
        try {
            return call.get();
        } catch (ControlException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw ControlException.invalid(e.getMessage());
        }
    }
}
