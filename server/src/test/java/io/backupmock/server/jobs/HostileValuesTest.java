package io.backupmock.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backupmock.server.clock.TimeLimits;
import io.backupmock.server.clock.VirtualClock;
import io.backupmock.server.config.ConfigException;
import io.backupmock.server.config.ConfigLoader;
import io.backupmock.server.config.EmulatorConfig;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Values out of the ranges arithmetic and formats hold are refused where they enter, naming themselves. */
class HostileValuesTest {
    private static final Duration TOO_LONG = Duration.ofDays(99_999_999);

    @Test
    void durationsPastAHundredYearsAreRefusedByTheScripts() {
        assertThatThrownBy(() -> new TaskScript("Take Snapshot", TOO_LONG))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("task 'Take Snapshot'");
        assertThatThrownBy(() -> JobScript.backup().duration(Duration.ofSeconds(Long.MAX_VALUE)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duration");
        assertThatThrownBy(() -> JobScript.backup().cancellationTime(TOO_LONG).build())
                .hasMessageContaining("cancellationTime");
        assertThatThrownBy(() -> JobScript.backup().task("a", Duration.ofDays(36_500)).task("b", Duration.ofDays(1))
                .build()).hasMessageContaining("total duration");
        assertThatThrownBy(() -> new OperationScript(TOO_LONG, null)).hasMessageContaining("trigger.inProgressFor");
        assertThat(JobScript.backup().duration(TimeLimits.LONGEST).build().totalDuration()).isEqualTo(TimeLimits.LONGEST);
    }

    @Test
    void configurationAndAdminBodiesTurnThemIntoMessagesNamingTheField() {
        assertThatThrownBy(() -> ConfigLoader.readJson(("{\"script\": {\"tasks\": [[\"Take Snapshot\", \"P99999999D\"]]},"
                + " \"match\": {}}").getBytes(StandardCharsets.UTF_8), JobRule.class, "body"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("body: script")
                .hasMessageContaining("at most");
        assertThatThrownBy(() -> ConfigLoader.readJson(("{\"clock\": {\"mode\": \"virtual\", \"start\": "
                + "\"+10000-01-01T00:00:00Z\"}}").getBytes(StandardCharsets.UTF_8), EmulatorConfig.class, "file"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("clock").hasMessageContaining("9999");
    }

    @Test
    void theVirtualClockStaysWithinYear9999() {
        VirtualClock clock = new VirtualClock(Instant.parse("9999-12-31T23:00:00Z"));
        assertThatThrownBy(() -> clock.advance(Duration.ofHours(2))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("9999-12-31T23:59:59Z");
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(Long.MAX_VALUE)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> clock.set(Instant.parse("+10000-01-01T00:00:00Z")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> clock.autoAdvance(TOO_LONG)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VirtualClock(Instant.MAX)).isInstanceOf(IllegalArgumentException.class);
        clock.autoAdvance(Duration.ofHours(1));
        clock.onRequest();
        clock.onRequest();
        assertThat(clock.instant()).as("a request never fails for the clock").isEqualTo(TimeLimits.LATEST);
    }

    @Test
    void filtersAreReadInLinearTimeWithALengthLimit() {
        String huge = "status eq '" + "A".repeat(10_000) + "'";
        assertThatThrownBy(() -> JobFilter.parse(huge)).isInstanceOf(FilterException.class)
                .hasMessageContaining("10012 characters long; the limit is 2048 characters");
        String atLimit = "jobId eq '" + "''".repeat(1000) + "'";
        assertThat(atLimit.length()).isLessThanOrEqualTo(ODataFilter.MAX_LENGTH);
        assertThat(JobFilter.parse(atLimit).jobId()).isEqualTo("'".repeat(1000));
        String manyAnds = "jobId eq 'x'" + " and ".repeat(400);
        assertThatThrownBy(() -> JobFilter.parse(manyAnds)).isInstanceOf(FilterException.class);
        assertThatThrownBy(() -> ODataFilter.parse("status eq '" + "(".repeat(2000), Set.of("status")))
                .isInstanceOf(FilterException.class).hasMessageContaining("expected <field> eq '<value>'");
    }
}
