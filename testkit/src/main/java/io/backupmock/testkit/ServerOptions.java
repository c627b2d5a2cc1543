package io.backupmock.testkit;

import java.time.Duration;
import java.time.Instant;

/**
 * The options an embedded emulator is started with, as both builders set them
 * ({@link EmbeddedEmulator.Builder}, {@link BackupMockExtension.Builder}); each has the testkit's default.
 *
 * @param <B> the builder, for chaining
 */
public abstract class ServerOptions<B extends ServerOptions<B>> {
    BackupMockOptions options = BackupMockOptions.DEFAULTS;

    ServerOptions() {
    }

    /** Serve plain HTTP instead of HTTPS. */
    public B http() {
        return set(new BackupMockOptions(false, options.sharedServer(), options.pageSize(), options.retryAfterSeconds(),
                options.validateResponses(), options.autoAdvance(), options.clockStart()));
    }

    /** Most entries in a list page (default 200). */
    public B pageSize(int value) {
        return set(new BackupMockOptions(options.https(), options.sharedServer(), value, options.retryAfterSeconds(),
                options.validateResponses(), options.autoAdvance(), options.clockStart()));
    }

    /** Retry-After of every 202, in seconds (default 1). */
    public B retryAfterSeconds(int value) {
        return set(new BackupMockOptions(options.https(), options.sharedServer(), options.pageSize(), value,
                options.validateResponses(), options.autoAdvance(), options.clockStart()));
    }

    /** Check every answer against its JSON Schema (default true; a violation answers 500). */
    public B validateResponses(boolean value) {
        return set(new BackupMockOptions(options.https(), options.sharedServer(), options.pageSize(),
                options.retryAfterSeconds(), value, options.autoAdvance(), options.clockStart()));
    }

    final B sharedServer(boolean value) {
        return set(new BackupMockOptions(options.https(), value, options.pageSize(), options.retryAfterSeconds(),
                options.validateResponses(), options.autoAdvance(), options.clockStart()));
    }

    final B clock(Instant start, Duration autoAdvance) {
        return set(new BackupMockOptions(options.https(), options.sharedServer(), options.pageSize(),
                options.retryAfterSeconds(), options.validateResponses(), autoAdvance, start));
    }

    private B set(BackupMockOptions value) {
        options = value;
        @SuppressWarnings("unchecked")
        B self = (B) this;
        return self;
    }
}
