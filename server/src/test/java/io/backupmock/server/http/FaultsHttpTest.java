package io.backupmock.server.http;

import static io.backupmock.server.http.TestEmulator.newSubscription;
import static io.backupmock.server.http.TestEmulator.vaultPath;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backupmock.server.state.Settings;
import io.backupmock.server.faults.Fault;
import io.backupmock.server.faults.Faults;
import io.backupmock.server.http.TestEmulator.Reply;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultsHttpTest {
    static Fault fault(String sub, Integer status, Duration latency, Boolean drop, Double rate, Integer nth, Integer times) {
        return new Fault(sub, null, null, null, status, null, null, null, latency, drop, rate, nth, times);
    }

    @Test
    void throttlingAnswers429WithRetryAfterThenLetsRequestsThrough() {
        try (TestEmulator emulator = new TestEmulator()) {
            String sub = newSubscription();
            emulator.server.emulator().faults().add(Fault.throttling(sub, 7, 2));
            for (int i = 0; i < 2; i++) {
                Reply throttled = emulator.get(vaultPath(sub) + "/backupJobs");
                assertThat(throttled.status()).isEqualTo(429);
                assertThat(throttled.errorCode()).isEqualTo("SubscriptionRequestsThrottled");
                assertThat(throttled.header("Retry-After")).isEqualTo("7");
            }
            assertThat(emulator.get(vaultPath(sub) + "/backupJobs").status()).isEqualTo(200);
            assertThat(emulator.get(vaultPath(newSubscription()) + "/backupJobs").status())
                    .as("other subscriptions are not throttled").isEqualTo(200);
        }
    }

    @Test
    void faultsScopeByMethodPathAndVault() {
        try (TestEmulator emulator = new TestEmulator()) {
            String sub = newSubscription();
            emulator.server.emulator().faults().add(new Fault(null, "testVault", "POST", "/backupJobsExport", 503,
                    null, null, null, null, null, null, null, 1));
            assertThat(emulator.get(vaultPath(sub) + "/backupJobs").status()).isEqualTo(200);
            Reply outage = emulator.send("POST", vaultPath(sub) + "/backupJobsExport", null);
            assertThat(outage.status()).isEqualTo(503);
            assertThat(outage.errorCode()).isEqualTo("ServiceUnavailable");
            assertThat(emulator.send("POST", vaultPath(sub) + "/backupJobsExport", null).status()).isEqualTo(202);
        }
    }

    @Test
    void theNthMatchingRequestIsHit() {
        try (TestEmulator emulator = new TestEmulator()) {
            String sub = newSubscription();
            emulator.server.emulator().faults().add(fault(sub, 500, null, null, null, 3, null));
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                statuses.add(emulator.get(vaultPath(sub) + "/backupJobs").status());
            }
            assertThat(statuses).containsExactly(200, 200, 500, 200, 200);
        }
    }

    @Test
    void ratedFaultsAreReproducibleFromTheSeed() {
        assertThat(statusesWithSeed(42)).isEqualTo(statusesWithSeed(42)).contains(200, 500);
    }

    private static List<Integer> statusesWithSeed(long seed) {
        try (TestEmulator emulator = new TestEmulator(Settings.builder().faultSeed(seed).build())) {
            String sub = newSubscription();
            emulator.server.emulator().faults().add(fault(sub, 500, null, null, 0.5, null, null));
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                statuses.add(emulator.get(vaultPath(sub) + "/backupJobs").status());
            }
            Faults.Armed armed = emulator.server.emulator().faults().pending().get(0);
            assertThat(armed.matched()).isEqualTo(20);
            assertThat(armed.fired()).isEqualTo((int) statuses.stream().filter(s -> s == 500).count());
            return statuses;
        }
    }

    @Test
    void latencyDelaysButDoesNotChangeTheAnswer() {
        try (TestEmulator emulator = new TestEmulator()) {
            String sub = newSubscription();
            emulator.server.emulator().faults().add(fault(sub, null, Duration.ofMillis(50), null, null, null, 1));
            Reply reply = emulator.triggerBackup(sub);
            assertThat(reply.status()).isEqualTo(202);
            assertThat(emulator.server.emulator().faults().pending()).as("used up").isEmpty();
            assertThat(emulator.server.emulator().journal().all()).singleElement()
                    .satisfies(r -> assertThat(r.status()).isEqualTo(202));
        }
    }

    @Test
    void aDroppedConnectionGivesTheClientNoAnswer() {
        try (TestEmulator emulator = new TestEmulator()) {
            String sub = newSubscription();
            emulator.server.emulator().faults().add(fault(sub, null, null, true, null, null, 1));
            // A POST, because the JDK client silently retries a GET whose connection closed.
            assertThatThrownBy(() -> emulator.triggerBackup(sub)).isInstanceOf(UncheckedIOException.class);
            assertThat(emulator.triggerBackup(sub).status()).isEqualTo(202);
        }
    }

    @Test
    void faultsRefuseWhatCannotHappen() {
        assertThatThrownBy(() -> fault(null, 200, null, null, null, null, null)).hasMessageContaining("error status");
        assertThatThrownBy(() -> fault(null, null, null, null, null, null, null)).hasMessageContaining("needs an effect");
        assertThatThrownBy(() -> fault(null, 500, null, null, 0.5, 2, null)).hasMessageContaining("rate or nth");
        assertThatThrownBy(() -> fault(null, null, Duration.ofHours(1), null, null, null, null))
                .hasMessageContaining("latency");
    }
}
