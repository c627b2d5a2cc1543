package io.backupmock.testkit;

import io.backupmock.server.state.Settings;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The options of an embedded emulator, from {@link BackupMockTest} or {@link BackupMockExtension.Builder}.
 * Server defaults come from {@link Settings}; the testkit's own ({@link #DEFAULTS}) are here, once.
 */
record BackupMockOptions(boolean https, boolean sharedServer, int pageSize, int retryAfterSeconds,
                         boolean validateResponses, Duration autoAdvance, Instant clockStart) {

    /** Tests check every answer against its schema, unlike the standalone emulator. */
    static final boolean VALIDATE_RESPONSES = true;
    static final BackupMockOptions DEFAULTS = new BackupMockOptions(true, false, Settings.DEFAULT_PAGE_SIZE,
            Settings.DEFAULT_RETRY_AFTER_SECONDS, VALIDATE_RESPONSES, Duration.ZERO, null);

    static BackupMockOptions of(BackupMockTest a) {
        try {
            return new BackupMockOptions(a.https(), a.sharedServer(), a.pageSize(), a.retryAfterSeconds(),
                    a.validateResponses(), a.autoAdvance().isEmpty() ? Duration.ZERO : Duration.parse(a.autoAdvance()),
                    a.clockStart().isEmpty() ? null : Instant.parse(a.clockStart()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("@BackupMockTest: autoAdvance must be an ISO-8601 duration such as "
                    + "PT5S and clockStart an instant such as 2026-01-01T00:00:00Z: " + e.getMessage(), e);
        }
    }

    /** The settings of the server these options start. */
    Settings settings() {
        return Settings.builder().pageSize(pageSize).retryAfterSeconds(retryAfterSeconds)
                .validateResponses(validateResponses).build();
    }

    /** Options that start an identical server, for sharing one across classes. */
    String serverKey() {
        return "backup-mock:" + https + ":" + pageSize + ":" + retryAfterSeconds + ":" + validateResponses;
    }
}
