package io.backupmock.server.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WireFormatsTest {
    /** The reference: ISO_INSTANT of the time truncated to microseconds. */
    private static String iso(Instant t) {
        return t.truncatedTo(ChronoUnit.MICROS).toString();
    }

    @Test
    void instantsAreWrittenAsIsoInstantWithAtMostMicroseconds() {
        assertThat(WireFormats.instant(Instant.parse("2017-08-03T05:31:07.014604Z"))).isEqualTo("2017-08-03T05:31:07.014604Z");
        assertThat(WireFormats.instant(Instant.parse("2026-01-02T03:04:05Z"))).isEqualTo("2026-01-02T03:04:05Z");
        assertThat(WireFormats.instant(Instant.parse("2026-01-02T03:04:05.120Z"))).isEqualTo("2026-01-02T03:04:05.120Z");
        assertThat(WireFormats.instant(Instant.parse("2026-01-02T03:04:05.000100Z"))).isEqualTo("2026-01-02T03:04:05.000100Z");
        assertThat(WireFormats.instant(Instant.parse("2026-12-31T23:59:59.999999999Z"))).isEqualTo("2026-12-31T23:59:59.999999Z");
        assertThat(WireFormats.instant(Instant.parse("2026-01-02T03:04:05.000000900Z"))).isEqualTo("2026-01-02T03:04:05Z");
        assertThat(WireFormats.instant(Instant.parse("0001-01-01T00:00:00Z"))).isEqualTo(WireFormats.NOT_ENDED);
        assertThat(WireFormats.instant(Instant.parse("+10000-01-01T00:00:00Z"))).isEqualTo("+10000-01-01T00:00:00Z");
    }

    @Test
    void everyInstantIsWrittenAsTheFormatterWould() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 100_000; i++) {
            long seconds = random.nextLong(Instant.parse("0500-01-01T00:00:00Z").getEpochSecond(),
                    Instant.parse("9999-12-31T23:59:59Z").getEpochSecond());
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant t = Instant.ofEpochSecond(seconds, nanos);
            assertThat(WireFormats.instant(t)).as("%s", t).isEqualTo(iso(t));
        }
    }
}
