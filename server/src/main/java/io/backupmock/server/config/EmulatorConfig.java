package io.backupmock.server.config;

import io.backupmock.server.throttling.RateLimits;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.backupmock.server.state.Settings;
import io.backupmock.server.clock.VirtualClock;
import io.backupmock.server.faults.Fault;
import io.backupmock.server.state.ApiVersionPolicy;
import io.backupmock.server.tenancy.SubscriptionIds;
import io.backupmock.server.jobs.JobRule;
import io.backupmock.server.jobs.JobScript;
import io.backupmock.server.jobs.Scenario;
import io.backupmock.server.tenancy.ProtectionState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A configuration file of the standalone emulator (JSON or YAML): settings, the clock, the default
 * scenario, vaults and items to declare with their next jobs, standing job rules and faults. The job
 * scripts are the same types the testkit's Java API builds. Every field is optional.
 *
 * @param stateDir the directory the standalone emulator keeps its state in (docs/persistence.md)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EmulatorConfig(
        ClockConfig clock,
        Integer retryAfterSeconds,
        Integer pageSize,
        Boolean authRequired,
        String adminToken,
        Boolean validateResponses,
        Boolean strict,
        Integer journalCapacity,
        ApiVersionsConfig apiVersions,
        RateLimits rateLimits,
        Long faultSeed,
        String stateDir,
        Scenario scenario,
        List<VaultConfig> vaults,
        List<JobRule> rules,
        List<Fault> faults) {

    public static final EmulatorConfig EMPTY = new EmulatorConfig(null, null, null, null, null, null, null, null, null,
            null, null, null, null, null, null, null);

    public EmulatorConfig {
        if (retryAfterSeconds != null && retryAfterSeconds < 0) {
            throw new IllegalArgumentException("retryAfterSeconds must not be negative: " + retryAfterSeconds);
        }
        if (pageSize != null && pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be at least 1: " + pageSize);
        }
        if (journalCapacity != null && journalCapacity < 0) {
            throw new IllegalArgumentException("journalCapacity must not be negative: " + journalCapacity);
        }
        vaults = vaults == null ? List.of() : List.copyOf(vaults);
        rules = rules == null ? List.of() : List.copyOf(rules);
        faults = faults == null ? List.of() : List.copyOf(faults);
    }

    /**
     * The clock: {@code system} (real time, the default) or {@code virtual} (moves only through the
     * admin API, or by {@code autoAdvance} on each request), starting at {@code start} (default now).
     */
    public record ClockConfig(String mode, Instant start, Duration autoAdvance) {
        public ClockConfig {
            mode = mode == null ? "system" : mode.toLowerCase(Locale.ROOT);
            if (!mode.equals("system") && !mode.equals("virtual")) {
                throw new IllegalArgumentException("mode must be 'system' or 'virtual', not '" + mode + "'");
            }
            if (mode.equals("system") && (start != null || autoAdvance != null)) {
                throw new IllegalArgumentException("start and autoAdvance need mode 'virtual'");
            }
            if (autoAdvance != null && autoAdvance.isNegative()) {
                throw new IllegalArgumentException("autoAdvance must not be negative: " + autoAdvance);
            }
            if (start != null) {
                io.backupmock.server.clock.TimeLimits.requireInstant("start", start);
            }
            if (autoAdvance != null) {
                io.backupmock.server.clock.TimeLimits.requireDuration("autoAdvance", autoAdvance);
            }
        }

        Clock build() {
            if (mode.equals("system")) {
                return Clock.systemUTC();
            }
            VirtualClock virtual = start != null ? new VirtualClock(start) : VirtualClock.startingNow();
            return virtual.autoAdvance(autoAdvance == null ? Duration.ZERO : autoAdvance);
        }
    }

    /**
     * Which api-versions are accepted: {@code newer} (default: the published ones and any
     * well-formed later one), {@code published} (only those), {@code any}, or {@code listed} ones.
     */
    public record ApiVersionsConfig(String accept, List<String> listed) {
        private static final Pattern VERSION = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(-preview)?");

        public ApiVersionsConfig {
            accept = accept == null ? "newer" : accept.toLowerCase(Locale.ROOT);
            listed = listed == null ? List.of() : List.copyOf(listed);
            if (!List.of("newer", "published", "any", "listed").contains(accept)) {
                throw new IllegalArgumentException("accept must be 'newer', 'published', 'any' or 'listed', not '"
                        + accept + "'");
            }
            if (accept.equals("listed") && listed.isEmpty()) {
                throw new IllegalArgumentException("accept 'listed' needs the versions in 'listed'");
            }
            for (String v : listed) {
                if (!VERSION.matcher(v).matches()) {
                    throw new IllegalArgumentException("'" + v + "' is not an api-version such as 2019-05-13");
                }
            }
        }

        ApiVersionPolicy policy() {
            return switch (accept) {
                case "any" -> ApiVersionPolicy.ANY;
                case "listed" -> ApiVersionPolicy.only(listed);
                case "published" -> ApiVersionPolicy.PUBLISHED;
                default -> ApiVersionPolicy.NEWER;
            };
        }
    }

    /**
     * A vault to declare, with its protected items and the scripts of its next jobs.
     *
     * @param subscriptionId a GUID
     */
    public record VaultConfig(String subscriptionId, String resourceGroup, String name, List<ItemConfig> items,
                              List<JobScript> nextJobs) {

        public VaultConfig {
            if (subscriptionId == null || !SubscriptionIds.isGuid(subscriptionId)) {
                throw new IllegalArgumentException("subscriptionId must be a GUID, not '" + subscriptionId + "'");
            }
            if (resourceGroup == null || resourceGroup.isBlank()) {
                throw new IllegalArgumentException("resourceGroup is required");
            }
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("name is required");
            }
            items = items == null ? List.of() : List.copyOf(items);
            nextJobs = nextJobs == null ? List.of() : List.copyOf(nextJobs);
        }
    }

    /**
     * A protected item: either {@code vm: "resourceGroup/vmName"} for an IaaS VM, or its
     * {@code container} and {@code name} as Azure writes them.
     *
     * @param fabric          default {@code Azure}
     * @param protectionState Protected (default), IRPending or ProtectionStopped
     * @param policyId        default: the vault's DefaultPolicy
     */
    public record ItemConfig(String vm, String fabric, String container, String name,
                             ProtectionState protectionState, String policyId) {
        /** The IaaS VM {@code vmName} of {@code resourceGroup}, protected with the vault's default policy. */
        public static ItemConfig vm(String resourceGroup, String vmName) {
            return new ItemConfig(resourceGroup + "/" + vmName, null, null, null, null, null);
        }

        /** An item by its container and name as Azure writes them, in the {@code Azure} fabric. */
        public static ItemConfig of(String container, String name) {
            return new ItemConfig(null, null, container, name, null, null);
        }

        public ItemConfig {
            fabric = fabric == null ? "Azure" : fabric;
            protectionState = protectionState == null ? ProtectionState.Protected : protectionState;
            if (vm != null) {
                if (container != null || name != null) {
                    throw new IllegalArgumentException("give vm, or container and name, not both");
                }
                String[] parts = vm.split("/");
                if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                    throw new IllegalArgumentException("vm must be 'resourceGroup/vmName', not '" + vm + "'");
                }
                container = "IaasVMContainer;iaasvmcontainerv2;" + parts[0] + ";" + parts[1];
                name = "VM;iaasvmcontainerv2;" + parts[0] + ";" + parts[1];
            } else if (container == null || name == null) {
                throw new IllegalArgumentException("give vm ('resourceGroup/vmName'), or container and name");
            }
        }
    }

    /** The settings this file gives, over {@code base}. */
    public Settings settings(Settings base) {
        Settings.Builder b = base.toBuilder();
        if (retryAfterSeconds != null) {
            b.retryAfterSeconds(retryAfterSeconds);
        }
        if (pageSize != null) {
            b.pageSize(pageSize);
        }
        if (authRequired != null) {
            b.authRequired(authRequired);
        }
        if (adminToken != null) {
            b.adminToken(adminToken);
        }
        if (validateResponses != null) {
            b.validateResponses(validateResponses);
        }
        if (strict != null) {
            b.strict(strict);
        }
        if (journalCapacity != null) {
            b.journalCapacity(journalCapacity);
        }
        if (apiVersions != null) {
            b.apiVersions(apiVersions.policy());
        }
        if (rateLimits != null) {
            b.rateLimits(rateLimits);
        }
        if (faultSeed != null) {
            b.faultSeed(faultSeed);
        }
        return b.build();
    }

    /** The clock this file asks for, or null to keep the server's. */
    public Clock buildClock() {
        return clock == null ? null : clock.build();
    }

    /** {@code defaults} with this file's scenario laid over it. */
    public Scenario scenario(Scenario defaults) {
        return scenario == null ? defaults : defaults.overriddenBy(scenario);
    }

    /** The vaults, rules and faults this file declares, at start and again at each reset. */
    public Declarations declarations() {
        return new Declarations(vaults, rules, faults);
    }
}
