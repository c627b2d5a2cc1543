package io.backupmock.server.wire;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** How times and durations are written on the wire, as Azure writes them. */
public final class WireFormats {
    /** The endTime of an operation still in progress: Azure writes this sentinel rather than null. */
    public static final String NOT_ENDED = "0001-01-01T00:00:00Z";

    private WireFormats() {
    }

    /**
     * ISO-8601 UTC with at most microseconds, e.g. {@code 2017-08-03T05:31:07.014604Z}: what
     * {@code t.truncatedTo(MICROS).toString()} writes (no fraction, or three or six digits), written
     * directly because every job answer holds several and the formatter was a twentieth of a job GET.
     */
    public static String instant(Instant t) {
        LocalDateTime at = LocalDateTime.ofEpochSecond(t.getEpochSecond(), 0, ZoneOffset.UTC);
        if (at.getYear() < 1000 || at.getYear() > 9999) {
            return t.truncatedTo(ChronoUnit.MICROS).toString(); // signs and widths of far years: the formatter's rules
        }
        StringBuilder out = new StringBuilder(27).append(at.getYear()).append('-');
        twoDigits(out, at.getMonthValue()).append('-');
        twoDigits(out, at.getDayOfMonth()).append('T');
        twoDigits(out, at.getHour()).append(':');
        twoDigits(out, at.getMinute()).append(':');
        twoDigits(out, at.getSecond());
        int micros = t.getNano() / 1_000;
        if (micros != 0) {
            String digits = Integer.toString(micros % 1_000 == 0 ? micros / 1_000 + 1_000 : micros + 1_000_000);
            out.append('.').append(digits, 1, digits.length());
        }
        return out.append('Z').toString();
    }

    private static StringBuilder twoDigits(StringBuilder out, int value) {
        return out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    /** ISO-8601 duration, e.g. {@code PT12.4272909S} (never the .NET {@code 00:00:12} form, which SDKs reject). */
    public static String duration(Duration d) {
        return d.truncatedTo(ChronoUnit.MICROS).toString();
    }
}
