package io.backupmock.testkit;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** The options of an embedded emulator, from {@link BackupMockTest} or {@link BackupMockExtension.Builder}. */
record BackupMockOptions(boolean https, boolean sharedServer, int pageSize, int retryAfterSeconds,
                         boolean validateResponses, Duration autoAdvance, Instant clockStart) {

    static final BackupMockOptions DEFAULTS = new BackupMockOptions(true, false, 200, 1, true, Duration.ZERO, null);

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

    /** Options that start an identical server, for sharing one across classes. */
    String serverKey() {
        return "backup-mock:" + https + ":" + pageSize + ":" + retryAfterSeconds + ":" + validateResponses;
    }
}
