package io.backupmock.server.http;

import io.backupmock.server.state.Settings;
import static io.backupmock.server.http.TestEmulator.newSubscription;
import static io.backupmock.server.http.TestEmulator.vaultPath;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.backupmock.server.http.TestEmulator.Reply;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ListJobsHttpTest {
    @RegisterExtension
    static final TestEmulator emulator = new TestEmulator(Settings.builder().pageSize(2).build());

    static List<String> names(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.get("value").forEach(j -> out.add(j.get("name").asText()));
        return out;
    }

    @Test
    void pagesCarryAnAbsoluteNextLinkWithFilterAndSkipToken() {
        String sub = newSubscription();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(0, emulator.backupJob(sub));
        }
        String filter = "operation eq 'Backup'";
        JsonNode first = emulator.get(vaultPath(sub) + "/backupJobs?%24filter="
                + URLEncoder.encode(filter, StandardCharsets.UTF_8)).json();
        assertThat(names(first)).containsExactlyElementsOf(ids.subList(0, 2));
        assertThat(first.get("value").get(0).at("/properties/extendedInfo").isMissingNode())
                .as("list entries leave out extendedInfo").isTrue();
        String next = first.get("nextLink").asText();
        assertThat(next).startsWith(emulator.server.baseUri() + vaultPath(sub) + "/backupJobs?api-version=2019-05-13")
                .contains("%24filter=operation+eq+%27Backup%27").contains("%24skiptoken=");

        List<String> all = new ArrayList<>(names(first));
        while (next != null) {
            JsonNode page = emulator.get(next).json();
            all.addAll(names(page));
            next = page.has("nextLink") ? page.get("nextLink").asText() : null;
        }
        assertThat(all).containsExactlyElementsOf(ids);
    }

    @Test
    void skipTokenIsReadInEitherCase() {
        String sub = newSubscription();
        for (int i = 0; i < 3; i++) {
            emulator.backupJob(sub);
        }
        String next = emulator.get(vaultPath(sub) + "/backupJobs").json().get("nextLink").asText();
        String token = next.substring(next.indexOf("%24skiptoken=") + "%24skiptoken=".length());
        assertThat(names(emulator.get(vaultPath(sub) + "/backupJobs?$skipToken=" + token).json())).hasSize(1);
        assertThat(names(emulator.get(vaultPath(sub) + "/backupJobs?$skiptoken=" + token).json())).hasSize(1);
        Reply bad = emulator.get(vaultPath(sub) + "/backupJobs?$skipToken=garbage");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorCode()).isEqualTo("BMSUserErrorInvalidInput");
    }

    @Test
    void filtersOnStatusAtTheInstantOfTheRequest() {
        String sub = newSubscription();
        String older = emulator.backupJob(sub);
        emulator.clock.advance(Duration.ofSeconds(30)); // done: a backup of a busy item would fail
        String newer = emulator.backupJob(sub);
        emulator.clock.advance(Duration.ofSeconds(10));
        assertThat(names(emulator.get(vaultPath(sub) + "/backupJobs?$filter=status%20eq%20'Completed'").json()))
                .containsExactly(older);
        assertThat(names(emulator.get(vaultPath(sub) + "/backupJobs?%24filter=status+eq+%27InProgress%27").json()))
                .containsExactly(newer);
    }

    @Test
    void filtersOnAStartTimeWindowInTheServiceFormat() {
        String sub = newSubscription();
        String job = emulator.backupJob(sub);
        String inside = "startTime eq '2000-01-01 12:00:00 AM' and endTime eq '2100-01-01 00:00:00 AM'";
        String before = "startTime eq '2000-01-01 12:00:00 AM' and endTime eq '2000-01-02 12:00:00 AM'";
        assertThat(names(emulator.get(vaultPath(sub) + "/backupJobs?$filter="
                + URLEncoder.encode(inside, StandardCharsets.UTF_8)).json())).containsExactly(job);
        assertThat(names(emulator.get(vaultPath(sub) + "/backupJobs?$filter="
                + URLEncoder.encode(before, StandardCharsets.UTF_8)).json())).isEmpty();
    }

    @Test
    void malformedFilterIs400NamingTheClause() {
        Reply reply = emulator.get(vaultPath(newSubscription()) + "/backupJobs?$filter="
                + URLEncoder.encode("status eq 'InProgress' and color eq 'red'", StandardCharsets.UTF_8));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo("BMSUserErrorInvalidInput");
        assertThat(reply.json().at("/error/message").asText()).contains("color eq 'red'");
    }

    @Test
    void subscriptionsAreIsolated() {
        String a = newSubscription();
        emulator.backupJob(a);
        assertThat(names(emulator.get(vaultPath(newSubscription()) + "/backupJobs").json())).isEmpty();
        assertThat(names(emulator.get(vaultPath(a) + "/backupJobs").json())).hasSize(1);
    }
}
