package io.backupmock.server.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that moves only when told to: by {@link #advance}, {@link #set}, or by a fixed step on
 * every request the emulator serves ({@link #autoAdvance}). Jobs compute their state from it, so
 * moving it moves every job at once. It never moves backwards, so no status ever does.
 */
public final class VirtualClock extends Clock {
    private final AtomicReference<Instant> now;
    private final Instant start;
    private volatile Duration autoAdvanceStep = Duration.ZERO;
    private volatile Duration startStep;

    public VirtualClock(Instant start) {
        this.start = TimeLimits.requireInstant("the clock's start", Objects.requireNonNull(start, "start"));
        this.now = new AtomicReference<>(start);
    }

    /** The instant the clock was made at. */
    public Instant start() {
        return start;
    }

    /**
     * Back to the instant the clock was made at, with the auto-advance step it was first given: the
     * one way it moves backwards, for a reset that forgets every job the later instants concern.
     */
    public Instant rewind() {
        Duration step = startStep;
        autoAdvanceStep = step == null ? Duration.ZERO : step;
        now.set(start);
        return start;
    }

    /** Starts at the current system time, truncated to the millisecond for readable timestamps. */
    public static VirtualClock startingNow() {
        return new VirtualClock(Instant.ofEpochMilli(System.currentTimeMillis()));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    /** Moves the clock forward and returns the new instant. */
    public Instant advance(Duration step) {
        if (step.isNegative()) {
            throw new IllegalArgumentException("the clock only moves forward; cannot advance by " + step);
        }
        return now.updateAndGet(t -> {
            Instant next = TimeLimits.plusOrNull(t, step);
            if (next == null) {
                throw new IllegalArgumentException("cannot advance the clock by " + step + " from " + t
                        + ": it would pass " + TimeLimits.LATEST);
            }
            return next;
        });
    }

    /** Sets the clock to {@code instant}, which must not lie before the current instant. */
    public Instant set(Instant instant) {
        TimeLimits.requireInstant("the clock's new instant", instant);
        return now.updateAndGet(t -> {
            if (instant.isBefore(t)) {
                throw new IllegalArgumentException(
                        "the clock only moves forward; cannot set it to " + instant + ", before " + t);
            }
            return instant;
        });
    }

    /** Advances by {@code step} each time the emulator serves a request (ZERO turns it off). */
    public VirtualClock autoAdvance(Duration step) {
        if (step.isNegative()) {
            throw new IllegalArgumentException("auto-advance step must not be negative: " + step);
        }
        TimeLimits.requireDuration("the auto-advance step", step);
        if (startStep == null) {
            startStep = step;
        }
        this.autoAdvanceStep = step;
        return this;
    }

    public Duration autoAdvanceStep() {
        return autoAdvanceStep;
    }

    /** Called by the emulator once per request served. */
    public void onRequest() {
        Duration step = autoAdvanceStep;
        if (!step.isZero()) {
            // A request never fails for the clock: at the end of its range it stays there.
            now.updateAndGet(t -> {
                Instant next = TimeLimits.plusOrNull(t, step);
                return next == null ? TimeLimits.LATEST : next;
            });
        }
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the virtual clock is always UTC");
    }

    @Override
    public String toString() {
        return "VirtualClock[" + instant() + ", autoAdvance=" + autoAdvanceStep + "]";
    }
}
