package io.backupmock.server.clock;

import java.time.Duration;
import java.time.Instant;

/**
 * The ranges of time the emulator's arithmetic and formats can hold, checked where a value enters
 * the model (scripts, rules, scenarios, the clock), so a value out of range is refused at the door
 * it came through with an {@link IllegalArgumentException} naming it, never a failure later.
 * <ul>
 *   <li>an instant lies between {@link #EARLIEST} and {@link #LATEST}: HTTP dates and ISO-8601
 *       texts have four-digit years;</li>
 *   <li>a duration lies between zero and {@link #LONGEST} (a hundred years), and so does the sum of
 *       a job's durations: far below what nanosecond counts hold.</li>
 * </ul>
 */
public final class TimeLimits {
    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");
    public static final Duration LONGEST = Duration.ofDays(36_500);

    private TimeLimits() {
    }

    /** {@code value} if it is a duration from zero to {@link #LONGEST}. */
    public static Duration requireDuration(String what, Duration value) {
        if (value == null) {
            throw new IllegalArgumentException(what + " is required");
        }
        if (value.isNegative()) {
            throw new IllegalArgumentException(what + " must not be negative: " + value);
        }
        if (value.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException(what + " must be at most " + LONGEST + " (100 years), not " + value);
        }
        return value;
    }

    /** {@code value} if it lies from {@link #EARLIEST} to {@link #LATEST}. */
    public static Instant requireInstant(String what, Instant value) {
        if (value == null) {
            throw new IllegalArgumentException(what + " is required");
        }
        if (value.isBefore(EARLIEST) || value.isAfter(LATEST)) {
            throw new IllegalArgumentException(what + " must lie between " + EARLIEST + " and " + LATEST + ", not "
                    + value);
        }
        return value;
    }

    /** {@code t + step}, or null if that would pass {@link #LATEST} (or overflow). */
    public static Instant plusOrNull(Instant t, Duration step) {
        if (step.compareTo(Duration.between(t, LATEST)) > 0) {
            return null;
        }
        return t.plus(step);
    }

    /** {@code t} moved into the range, for formatting an instant that came from elsewhere (a system clock). */
    public static Instant clamp(Instant t) {
        return t.isBefore(EARLIEST) ? EARLIEST : t.isAfter(LATEST) ? LATEST : t;
    }
}
