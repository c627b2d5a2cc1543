package io.backupmock.server.tenancy;

import io.backupmock.server.jobs.JobRule;
import io.backupmock.server.jobs.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * Every vault the emulator knows, by subscription. Subscriptions are tenants: nothing is shared
 * between them, so tests that each use their own subscription id can share one emulator.
 */
public final class Tenancy {
    private final Map<String, Map<String, Vault>> subscriptions = new ConcurrentHashMap<>();
    private final boolean strict;
    private final List<JobRule> rules = new CopyOnWriteArrayList<>();
    private final Supplier<Scenario> initialScenario;
    private volatile Scenario replacement;

    /** A tenancy where any vault and item springs into being when first named. */
    public Tenancy(Scenario scenario) {
        this(scenario, false);
    }

    /** @param strict only vaults and items declared (or protected through the API) exist */
    public Tenancy(Scenario scenario, boolean strict) {
        this(constant(Objects.requireNonNull(scenario, "scenario")), strict);
    }

    /**
     * A tenancy whose starting scenario is asked for on first use, so a start need not wait for
     * it to be read (the supplier answers the same scenario every time).
     */
    public Tenancy(Supplier<Scenario> initialScenario, boolean strict) {
        this.initialScenario = Objects.requireNonNull(initialScenario, "initialScenario");
        this.strict = strict;
    }

    private static Supplier<Scenario> constant(Scenario scenario) {
        return () -> scenario;
    }

    public boolean strict() {
        return strict;
    }

    /** The standing rules, in the order they are tried. */
    public List<JobRule> rules() {
        return List.copyOf(rules);
    }

    public void addRule(JobRule rule) {
        rules.add(Objects.requireNonNull(rule, "rule"));
    }

    public void clearRules() {
        rules.clear();
    }

    public Scenario scenario() {
        Scenario replaced = replacement;
        return replaced != null ? replaced : initialScenario.get();
    }

    /** The scenario the tenancy started with. */
    public Scenario initialScenario() {
        return initialScenario.get();
    }

    /** Replaces the default scripts of every vault's next jobs. */
    public void scenario(Scenario value) {
        this.replacement = Objects.requireNonNull(value, "scenario");
    }

    /** Back to the scenario the tenancy started with. */
    public void restoreInitialScenario() {
        this.replacement = null;
    }

    /**
     * The vault a request names: in strict mode only one that was declared (null otherwise);
     * else it springs into being.
     */
    public Vault find(String subscriptionId, String resourceGroup, String vaultName) {
        if (!strict) {
            return vault(subscriptionId, resourceGroup, vaultName);
        }
        Map<String, Vault> vaults = subscriptions.get(subscriptionId.toLowerCase(Locale.ROOT));
        return vaults == null ? null : vaults.get((resourceGroup + "/" + vaultName).toLowerCase(Locale.ROOT));
    }

    /** Every vault of a subscription. */
    public List<Vault> vaults(String subscriptionId) {
        Map<String, Vault> vaults = subscriptions.get(subscriptionId.toLowerCase(Locale.ROOT));
        return vaults == null ? List.of() : List.copyOf(vaults.values());
    }

    /** Every vault. */
    public List<Vault> vaults() {
        List<Vault> out = new ArrayList<>();
        subscriptions.values().forEach(v -> out.addAll(v.values()));
        return out;
    }

    /** The vault, declaring it if new (names are case-insensitive). */
    public Vault vault(String subscriptionId, String resourceGroup, String vaultName) {
        Map<String, Vault> vaults = subscriptions.computeIfAbsent(subscriptionId.toLowerCase(Locale.ROOT),
                s -> new ConcurrentHashMap<>());
        String key = (resourceGroup + "/" + vaultName).toLowerCase(Locale.ROOT);
        return vaults.computeIfAbsent(key, k -> new Vault(subscriptionId, resourceGroup, vaultName, this));
    }

    /** Forgets everything of one subscription. */
    public void reset(String subscriptionId) {
        subscriptions.remove(subscriptionId.toLowerCase(Locale.ROOT));
    }

    /** Forgets everything. */
    public void reset() {
        subscriptions.clear();
    }
}
