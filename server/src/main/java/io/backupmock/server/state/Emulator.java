package io.backupmock.server.state;

import io.backupmock.server.clock.VirtualClock;
import io.backupmock.server.faults.Faults;
import io.backupmock.server.throttling.RateLimiter;
import io.backupmock.server.journal.Journal;
import io.backupmock.server.tenancy.Tenancy;
import io.backupmock.server.tenancy.Vault;
import io.backupmock.server.tracking.AsyncOperation;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The emulated service behind the HTTP front door: every vault, the clock their jobs run on, and
 * the settings that shape answers (Retry-After, page size). Plain Java, no HTTP.
 */
public final class Emulator {
    private final Tenancy tenancy;
    private final Clock clock;
    private final Settings settings;
    private final Map<String, ExportBlob> exports = new ConcurrentHashMap<>();
    private final Journal journal;
    private final Faults faults;
    private final RateLimiter rateLimiter;
    private final Map<String, Clock> subscriptionClocks = new ConcurrentHashMap<>();
    private volatile List<String> declaredSubscriptions = List.of();

    /** A finished export's report, served at its blob URL to whoever holds the SAS signature. */
    public record ExportBlob(Vault vault, AsyncOperation operation, String signature) {
    }

    public Emulator(Tenancy tenancy, Clock clock, Settings settings) {
        this.tenancy = Objects.requireNonNull(tenancy, "tenancy");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.journal = new Journal(settings.journalCapacity());
        this.faults = new Faults(settings.faultSeed() != null ? settings.faultSeed() : new Random().nextLong());
        this.rateLimiter = new RateLimiter(settings.rateLimits());
    }

    /** The requests served, newest last. */
    public Journal journal() {
        return journal;
    }

    public Tenancy tenancy() {
        return tenancy;
    }

    public Clock clock() {
        return clock;
    }

    public Instant now() {
        return clock.instant();
    }

    /**
     * The clock of one subscription: its own if one was given (so tests sharing a server each move
     * their own time), else the emulator's.
     */
    public Clock clockFor(String subscriptionId) {
        Clock own = subscriptionId == null ? null : subscriptionClocks.get(subscriptionId.toLowerCase(Locale.ROOT));
        return own != null ? own : clock;
    }

    /**
     * Every virtual clock in use, by the subscription it belongs to ("" for the emulator's own):
     * what a kept state notes beside each change, since such a clock also moves between them.
     */
    public Map<String, VirtualClock> virtualClocks() {
        Map<String, VirtualClock> out = new java.util.HashMap<>();
        if (clock instanceof VirtualClock virtual) {
            out.put("", virtual);
        }
        subscriptionClocks.forEach((id, c) -> {
            if (c instanceof VirtualClock virtual) {
                out.put(id, virtual);
            }
        });
        return out;
    }

    /** Gives a subscription its own clock. */
    public void useClock(String subscriptionId, Clock subscriptionClock) {
        subscriptionClocks.put(subscriptionId.toLowerCase(Locale.ROOT), Objects.requireNonNull(subscriptionClock));
    }

    /** ARM's per-subscription request budget. */
    public RateLimiter rateLimiter() {
        return rateLimiter;
    }

    /** The faults in force. */
    public Faults faults() {
        return faults;
    }

    /** The subscriptions the start's declarations name, in their order (set by the control surface). */
    public List<String> declaredSubscriptions() {
        return declaredSubscriptions;
    }

    public void declaredSubscriptions(List<String> ids) {
        this.declaredSubscriptions = List.copyOf(ids);
    }

    /**
     * Forgets everything: every subscription, rule, fault, export, journal entry and subscription
     * clock; the scenario goes back to the one the server started with, and a virtual clock to its
     * configured start (and first auto-advance step). The system clock, which cannot be moved,
     * keeps its time.
     */
    public void clear() {
        if (clock instanceof VirtualClock virtual) {
            virtual.rewind();
        }
        tenancy.reset();
        tenancy.clearRules();
        tenancy.restoreInitialScenario();
        journal.clear();
        faults.clear();
        exports.clear();
        subscriptionClocks.clear();
        rateLimiter.forgetAll();
    }

    /** Forgets one subscription: its vaults, jobs, operations, journal entries, faults and clock. */
    public void forget(String subscriptionId) {
        tenancy.reset(subscriptionId);
        journal.clear(subscriptionId);
        faults.clear(subscriptionId);
        rateLimiter.forget(subscriptionId);
        subscriptionClocks.remove(subscriptionId.toLowerCase(Locale.ROOT));
    }

    public Settings settings() {
        return settings;
    }

    public void addExport(String blobName, ExportBlob blob) {
        exports.put(blobName.toLowerCase(Locale.ROOT), blob);
    }

    public ExportBlob export(String blobName) {
        return exports.get(blobName.toLowerCase(Locale.ROOT));
    }
}
