package io.backupmock.server.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class VirtualClockTest {
    static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");

    @Test
    void movesOnlyWhenTold() {
        VirtualClock clock = new VirtualClock(T0);
        assertThat(clock.instant()).isEqualTo(T0);
        assertThat(clock.advance(Duration.ofMinutes(2))).isEqualTo(T0.plusSeconds(120));
        assertThat(clock.set(T0.plusSeconds(300))).isEqualTo(T0.plusSeconds(300));
        assertThat(clock.instant()).isEqualTo(T0.plusSeconds(300));
    }

    @Test
    void neverMovesBackwards() {
        VirtualClock clock = new VirtualClock(T0);
        assertThatThrownBy(() -> clock.set(T0.minusSeconds(1))).hasMessageContaining("only moves forward");
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1))).hasMessageContaining("only moves forward");
        assertThat(clock.instant()).isEqualTo(T0);
    }

    @Test
    void autoAdvancesOnEachRequest() {
        VirtualClock clock = new VirtualClock(T0);
        clock.onRequest();
        assertThat(clock.instant()).as("off by default").isEqualTo(T0);
        clock.autoAdvance(Duration.ofSeconds(5));
        clock.onRequest();
        clock.onRequest();
        assertThat(clock.instant()).isEqualTo(T0.plusSeconds(10));
    }

    @Test
    void rewindGoesBackToTheStartAndTheFirstStep() {
        VirtualClock clock = new VirtualClock(T0).autoAdvance(Duration.ofSeconds(5));
        clock.advance(Duration.ofHours(1));
        clock.autoAdvance(Duration.ofMinutes(1));
        assertThat(clock.rewind()).isEqualTo(T0);
        assertThat(clock.instant()).isEqualTo(T0);
        assertThat(clock.autoAdvanceStep()).isEqualTo(Duration.ofSeconds(5));
        VirtualClock never = new VirtualClock(T0);
        never.autoAdvance(Duration.ofSeconds(3));
        never.rewind();
        assertThat(never.autoAdvanceStep()).as("the first step given").isEqualTo(Duration.ofSeconds(3));
        VirtualClock none = new VirtualClock(T0);
        none.advance(Duration.ofSeconds(1));
        none.rewind();
        assertThat(none.autoAdvanceStep()).isEqualTo(Duration.ZERO);
    }
}
