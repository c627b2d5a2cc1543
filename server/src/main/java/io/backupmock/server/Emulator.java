package io.backupmock.server;

import io.backupmock.server.faults.Faults;
import io.backupmock.server.journal.Journal;
import io.backupmock.server.tenancy.Tenancy;
import io.backupmock.server.tenancy.Vault;
import io.backupmock.server.tracking.AsyncOperation;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
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
    private final Faults faults = new Faults();
    private final Map<String, Clock> subscriptionClocks = new ConcurrentHashMap<>();

    /**
     * @param retryAfterSeconds  the Retry-After of every 202
     * @param pageSize           the most items a list page holds
     * @param authRequired       whether requests need {@code Authorization: Bearer …}
     * @param validateResponses  whether every response body is checked against its schema before it
     *                           leaves; a violation answers 500 and is logged (the emulator's self-check)
     * @param journalCapacity    how many of the latest requests the journal keeps
     */
    public record Settings(int retryAfterSeconds, int pageSize, boolean authRequired, boolean validateResponses,
                           int journalCapacity) {
        public static final Settings DEFAULTS = new Settings(1, 200, true, false, Journal.DEFAULT_CAPACITY);

        public Settings {
            if (retryAfterSeconds < 0) {
                throw new IllegalArgumentException("retry-after must not be negative: " + retryAfterSeconds);
            }
            if (pageSize < 1) {
                throw new IllegalArgumentException("page size must be at least 1: " + pageSize);
            }
            if (journalCapacity < 0) {
                throw new IllegalArgumentException("journal capacity must not be negative: " + journalCapacity);
            }
        }

        public Settings withRetryAfterSeconds(int value) {
            return new Settings(value, pageSize, authRequired, validateResponses, journalCapacity);
        }

        public Settings withPageSize(int value) {
            return new Settings(retryAfterSeconds, value, authRequired, validateResponses, journalCapacity);
        }

        public Settings withAuthRequired(boolean value) {
            return new Settings(retryAfterSeconds, pageSize, value, validateResponses, journalCapacity);
        }

        public Settings withValidateResponses(boolean value) {
            return new Settings(retryAfterSeconds, pageSize, authRequired, value, journalCapacity);
        }

        public Settings withJournalCapacity(int value) {
            return new Settings(retryAfterSeconds, pageSize, authRequired, validateResponses, value);
        }
    }

    /** A finished export's report, served at its blob URL to whoever holds the SAS signature. */
    public record ExportBlob(Vault vault, AsyncOperation operation, String signature) {
    }

    public Emulator(Tenancy tenancy, Clock clock, Settings settings) {
        this.tenancy = Objects.requireNonNull(tenancy, "tenancy");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.journal = new Journal(settings.journalCapacity());
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

    /** Gives a subscription its own clock. */
    public void useClock(String subscriptionId, Clock subscriptionClock) {
        subscriptionClocks.put(subscriptionId.toLowerCase(Locale.ROOT), Objects.requireNonNull(subscriptionClock));
    }

    /** The faults in force. */
    public Faults faults() {
        return faults;
    }

    /** Forgets one subscription: its vaults, jobs, operations, journal entries, faults and clock. */
    public void forget(String subscriptionId) {
        tenancy.reset(subscriptionId);
        journal.clear(subscriptionId);
        faults.clear(subscriptionId);
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
