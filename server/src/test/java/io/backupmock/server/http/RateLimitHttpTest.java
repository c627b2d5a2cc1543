package io.backupmock.server.http;

import io.backupmock.server.throttling.RateLimits;
import static io.backupmock.server.http.TestEmulator.newSubscription;
import static io.backupmock.server.http.TestEmulator.vaultPath;
import static org.assertj.core.api.Assertions.assertThat;

import io.backupmock.server.state.Settings;
import io.backupmock.server.http.TestEmulator.Reply;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** ARM's per-subscription budget, counted down in headers; 429 once spent, until the hour is over. */
class RateLimitHttpTest {
    @Test
    void readsAndWritesCountDownSeparately() {
        try (TestEmulator emulator = new TestEmulator()) {
            String sub = newSubscription();
            assertThat(emulator.get(vaultPath(sub) + "/backupJobs").header("x-ms-ratelimit-remaining-subscription-reads"))
                    .isEqualTo("11999");
            assertThat(emulator.get(vaultPath(sub) + "/backupJobs").header("x-ms-ratelimit-remaining-subscription-reads"))
                    .isEqualTo("11998");
            Reply write = emulator.triggerBackup(sub);
            assertThat(write.header("x-ms-ratelimit-remaining-subscription-writes")).isEqualTo("1199");
            assertThat(write.header("x-ms-ratelimit-remaining-subscription-reads")).isNull();
        }
    }

    @Test
    void aSpentBudgetIs429UntilTheWindowEnds() {
        try (TestEmulator emulator = new TestEmulator(Settings.builder()
                .rateLimits(new RateLimits(2, 1200, 15000)).build())) {
            String sub = newSubscription();
            emulator.get(vaultPath(sub) + "/backupJobs");
            emulator.get(vaultPath(sub) + "/backupJobs");
            Reply throttled = emulator.get(vaultPath(sub) + "/backupJobs");
            assertThat(throttled.status()).isEqualTo(429);
            assertThat(throttled.errorCode()).isEqualTo("SubscriptionRequestsThrottled");
            assertThat(throttled.header("Retry-After")).isEqualTo("3600");
            assertThat(emulator.triggerBackup(sub).status()).as("writes have their own budget").isEqualTo(202);

            emulator.clock.advance(Duration.ofMinutes(30));
            assertThat(emulator.get(vaultPath(sub) + "/backupJobs").header("Retry-After")).isEqualTo("1800");
            emulator.clock.advance(Duration.ofMinutes(30));
            Reply again = emulator.get(vaultPath(sub) + "/backupJobs");
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.header("x-ms-ratelimit-remaining-subscription-reads")).isEqualTo("1");
        }
    }
}
