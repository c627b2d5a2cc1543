package io.backupmock.server.http;

import io.backupmock.server.state.Settings;
import static io.backupmock.server.http.TestEmulator.itemPath;
import static io.backupmock.server.http.TestEmulator.newSubscription;
import static io.backupmock.server.http.TestEmulator.vaultPath;
import static org.assertj.core.api.Assertions.assertThat;

import io.backupmock.server.journal.Journal;
import io.backupmock.server.journal.RecordedRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

class JournalHttpTest {
    @Test
    void recordsWhatWasSentAndWhatWasAnswered() {
        try (TestEmulator emulator = new TestEmulator()) {
            String sub = newSubscription();
            emulator.triggerBackup(sub);
            Journal journal = emulator.server.emulator().journal();
            RecordedRequest r = journal.all().get(0);
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.rawPath()).isEqualTo(itemPath(sub) + "/backup");
            assertThat(r.rawQuery()).isEqualTo("api-version=2019-05-13");
            assertThat(r.header("AUTHORIZATION")).isEqualTo("Bearer test-token");
            assertThat(r.body()).contains("IaasVMBackupRequest");
            assertThat(r.subscriptionId()).isEqualTo(sub);
            assertThat(r.status()).isEqualTo(202);
            assertThat(r.responseHeader("location")).contains("/operationResults/");
            assertThat(r.at()).isEqualTo(emulator.clock.instant());
            assertThat(r.violations()).isEmpty();
            assertThat(r.sequence()).isEqualTo(1);
        }
    }

    @Test
    void recordsSchemaViolationsOfRequestBodies() {
        try (TestEmulator emulator = new TestEmulator()) {
            emulator.send("POST", itemPath(newSubscription()) + "/backup", "{\"properties\":{\"objectType\":\"Nope\"}}");
            RecordedRequest r = emulator.server.emulator().journal().all().get(0);
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.violations()).singleElement().asString().contains("/properties/objectType");
            assertThat(r.responseBody()).contains("BMSUserErrorInvalidInput");
        }
    }

    @Test
    void keepsOnlyTheLatestRequestsAndForgetsASubscriptionOnDemand() {
        try (TestEmulator emulator = new TestEmulator(Settings.builder().journalCapacity(3).build())) {
            String a = newSubscription();
            String b = newSubscription();
            for (int i = 0; i < 4; i++) {
                emulator.get(vaultPath(a) + "/backupJobs?i=" + i);
            }
            emulator.get(vaultPath(b) + "/backupJobs");
            Journal journal = emulator.server.emulator().journal();
            List<RecordedRequest> kept = journal.all();
            assertThat(kept).extracting(RecordedRequest::sequence).containsExactly(3L, 4L, 5L);
            assertThat(journal.dropped()).isEqualTo(2);
            journal.clear(a);
            assertThat(journal.all()).extracting(RecordedRequest::subscriptionId).containsExactly(b);
        }
    }
}
