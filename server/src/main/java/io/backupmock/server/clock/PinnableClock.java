package io.backupmock.server.clock;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A clock that tells another's time, except on a thread that holds it at an instant: how a change
 * saved with the instant it was made at is made again, later, at that same instant. The emulator
 * runs on one when its state is kept (the system clock within); every other thread sees the
 * clock within, unchanged.
 */
public final class PinnableClock extends Clock {
    private static final ThreadLocal<Instant> PINNED = new ThreadLocal<>();
    private final Clock within;

    public PinnableClock(Clock within) {
        this.within = Objects.requireNonNull(within, "within");
    }

    /** Runs {@code work} with every PinnableClock reading {@code instant} on this thread (null: as it is). */
    public static <T> T pinnedAt(Instant instant, Supplier<T> work) {
        if (instant == null) {
            return work.get();
        }
        Instant outer = PINNED.get();
        PINNED.set(instant);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                PINNED.remove();
            } else {
                PINNED.set(outer);
            }
        }
    }

    @Override
    public Instant instant() {
        Instant pinned = PINNED.get();
        return pinned != null ? pinned : within.instant();
    }

    @Override
    public ZoneId getZone() {
        return within.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new PinnableClock(within.withZone(zone));
    }

    @Override
    public String toString() {
        return "PinnableClock[" + within + "]";
    }
}
