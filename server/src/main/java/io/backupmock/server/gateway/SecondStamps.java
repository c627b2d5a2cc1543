package io.backupmock.server.gateway;

import io.backupmock.server.clock.TimeLimits;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The per-second texts of every answer (the {@code Date} header, the time in
 * {@code x-ms-routing-request-id}), formatted once a second rather than once a request: formatting
 * dates was the largest single cost of a request under load.
 */
final class SecondStamps {
    private static final DateTimeFormatter ROUTING_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static volatile SecondStamps last = new SecondStamps(Instant.EPOCH);

    final long epochSecond;
    final String date;
    final String routingTime;

    private SecondStamps(Instant t) {
        this.epochSecond = t.getEpochSecond();
        this.date = DateTimeFormatter.RFC_1123_DATE_TIME.format(t.atOffset(ZoneOffset.UTC));
        this.routingTime = ROUTING_TIME.format(t);
    }

    /** The texts for the second {@code t} falls in (clocks of different subscriptions just recompute). */
    static SecondStamps of(Instant t) {
        SecondStamps s = last;
        if (s.epochSecond != t.getEpochSecond()) {
            // A system clock may stand anywhere; the texts hold four-digit years.
            s = new SecondStamps(TimeLimits.clamp(Instant.ofEpochSecond(t.getEpochSecond())));
            last = s;
        }
        return s;
    }
}
