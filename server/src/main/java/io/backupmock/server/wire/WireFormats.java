package io.backupmock.server.wire;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** How times and durations are written on the wire, as Azure writes them. */
public final class WireFormats {
    /** The endTime of an operation still in progress: Azure writes this sentinel rather than null. */
    public static final String NOT_ENDED = "0001-01-01T00:00:00Z";

    private WireFormats() {
    }

    /** ISO-8601 UTC with at most microseconds, e.g. {@code 2017-08-03T05:31:07.014604Z}. */
    public static String instant(Instant t) {
        return t.truncatedTo(ChronoUnit.MICROS).toString();
    }

    /** ISO-8601 duration, e.g. {@code PT12.4272909S} (never the .NET {@code 00:00:12} form, which SDKs reject). */
    public static String duration(Duration d) {
        return d.truncatedTo(ChronoUnit.MICROS).toString();
    }
}
