package io.backupmock.server.tenancy;

import io.backupmock.server.jobs.Scenario;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every vault the emulator knows, by subscription. Subscriptions are tenants: nothing is shared
 * between them, so tests that each use their own subscription id can share one emulator.
 */
public final class Tenancy {
    private final Map<String, Map<String, Vault>> subscriptions = new ConcurrentHashMap<>();
    private volatile Scenario scenario;

    public Tenancy(Scenario scenario) {
        this.scenario = Objects.requireNonNull(scenario, "scenario");
    }

    public Scenario scenario() {
        return scenario;
    }

    /** Replaces the default scripts of every vault's next jobs. */
    public void scenario(Scenario value) {
        this.scenario = Objects.requireNonNull(value, "scenario");
    }

    /** The vault, springing into being on first mention (names are case-insensitive). */
    public Vault vault(String subscriptionId, String resourceGroup, String vaultName) {
        Map<String, Vault> vaults = subscriptions.computeIfAbsent(subscriptionId.toLowerCase(Locale.ROOT),
                s -> new ConcurrentHashMap<>());
        String key = (resourceGroup + "/" + vaultName).toLowerCase(Locale.ROOT);
        return vaults.computeIfAbsent(key, k -> new Vault(subscriptionId, resourceGroup, vaultName, this::scenario));
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
