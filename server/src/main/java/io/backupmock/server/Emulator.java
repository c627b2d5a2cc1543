package io.backupmock.server;

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

    /**
     * @param retryAfterSeconds the Retry-After of every 202
     * @param pageSize          the most items a list page holds
     * @param authRequired      whether requests need {@code Authorization: Bearer …}
     */
    public record Settings(int retryAfterSeconds, int pageSize, boolean authRequired) {
        public static final Settings DEFAULTS = new Settings(1, 200, true);

        public Settings {
            if (retryAfterSeconds < 0) {
                throw new IllegalArgumentException("retry-after must not be negative: " + retryAfterSeconds);
            }
            if (pageSize < 1) {
                throw new IllegalArgumentException("page size must be at least 1: " + pageSize);
            }
        }
    }

    /** A finished export's report, served at its blob URL to whoever holds the SAS signature. */
    public record ExportBlob(Vault vault, AsyncOperation operation, String signature) {
    }

    public Emulator(Tenancy tenancy, Clock clock, Settings settings) {
        this.tenancy = Objects.requireNonNull(tenancy, "tenancy");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
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
