package io.backupmock.testkit;

import io.backupmock.server.clock.VirtualClock;
import io.backupmock.server.control.Control;
import java.time.Duration;
import java.time.Instant;

/**
 * One test's virtual clock: every job and operation of the test's subscription runs on it, and it
 * moves only when the test moves it (or, with auto-advance, by a step per request). It never moves
 * backwards.
 */
public final class TestClock {
    private final Control control;
    private final String subscriptionId;
    private final VirtualClock clock;

    TestClock(Control control, String subscriptionId, VirtualClock clock) {
        this.control = control;
        this.subscriptionId = subscriptionId;
        this.clock = clock;
    }

    /** The time now, on this test's clock. */
    public Instant instant() {
        return clock.instant();
    }

    /** Moves the clock forward by {@code step}; answers the new time. */
    public Instant advance(Duration step) {
        return control.advanceClock(subscriptionId, step);
    }

    /** Moves the clock forward to {@code instant}; answers it. */
    public Instant set(Instant instant) {
        return control.setClock(subscriptionId, instant);
    }

    /** Each request of the test's client moves the clock by {@code step} ({@link Duration#ZERO}: none). */
    public TestClock autoAdvance(Duration step) {
        control.autoAdvance(subscriptionId, step);
        return this;
    }

    @Override
    public String toString() {
        return "TestClock[" + instant() + "]";
    }
}
