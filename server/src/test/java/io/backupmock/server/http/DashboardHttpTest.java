package io.backupmock.server.http;

import static io.backupmock.server.http.TestEmulator.itemPath;
import static io.backupmock.server.http.TestEmulator.newSubscription;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.backupmock.server.state.Settings;
import io.backupmock.server.http.AdminApiHttpTest.Server;
import io.backupmock.server.http.TestEmulator.Reply;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's files at /backupmock/ and the admin resources it reads (subscriptions, one
 * subscription's state, the journal's tail), over HTTP. The page in a browser: DashboardBrowserTest.
 */
class DashboardHttpTest {
    static final String ADMIN = "/backupmock/admin";
    static final String TOKEN = "dash-secret";
    static final String BACKUP_BODY = "{\"properties\":{\"objectType\":\"IaasVMBackupRequest\"}}";

    static Server server;

    @BeforeAll
    static void start() {
        server = new Server(Settings.builder().adminToken(TOKEN).build());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    Reply get(String path) {
        return server.send(HttpRequest.newBuilder(URI.create(server.server.baseUri() + path))
                .timeout(Duration.ofSeconds(10)).build());
    }

    // ------------------------------------------------------------------ the page's files

    @Test
    void servesThePageWithoutATokenAndForbidsInlineScript() {
        Reply page = get("/backupmock/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
        assertThat(page.body()).contains("<script src=\"dashboard.js\" defer></script>")
                .doesNotContain("<script>").doesNotContainPattern("\\son[a-z]+\\s*=").doesNotContain("style=")
                .doesNotContain("https://");
        String csp = page.header("Content-Security-Policy");
        assertThat(csp).contains("script-src 'self'", "default-src 'none'", "connect-src 'self'",
                "style-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.header("Cache-Control")).isEqualTo("no-cache");
        assertThat(Integer.parseInt(page.header("Content-Length"))).isEqualTo(page.body().getBytes(
                java.nio.charset.StandardCharsets.UTF_8).length);

        // The admin API it reads still needs the token.
        assertThat(get(ADMIN + "/subscriptions").status()).isEqualTo(401);
        assertThat(server.admin("GET", ADMIN + "/subscriptions", null).status()).isEqualTo(200);
    }

    @Test
    void servesItsScriptStylesAndIconWithTheirTypes() {
        Reply js = get("/backupmock/dashboard.js");
        assertThat(js.status()).isEqualTo(200);
        assertThat(js.header("Content-Type")).isEqualTo("text/javascript; charset=utf-8");
        assertThat(js.header("Content-Security-Policy")).contains("script-src 'self'");
        // The page builds its content from text only.
        assertThat(js.body()).contains("textContent").doesNotContain("innerHTML").doesNotContain("outerHTML")
                .doesNotContain("insertAdjacentHTML").doesNotContain("document.write").doesNotContain("eval(");
        assertThat(get("/backupmock/dashboard.css").header("Content-Type")).isEqualTo("text/css; charset=utf-8");
        assertThat(get("/backupmock/favicon.svg").header("Content-Type")).isEqualTo("image/svg+xml");
        assertThat(get("/backupmock/index.html").body()).isEqualTo(get("/backupmock/").body());
    }

    @Test
    void redirectsTheBarePrefixAndAnswersCloudErrorsForTheRest() {
        Reply bare = get("/backupmock");
        assertThat(bare.status()).isEqualTo(308);
        assertThat(bare.header("Location")).isEqualTo("/backupmock/");

        Reply missing = get("/backupmock/nothing.js");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.errorCode()).isEqualTo("NotFound");
        assertThat(missing.header("Content-Type")).startsWith("application/json");

        Reply post = server.send(HttpRequest.newBuilder(URI.create(server.server.baseUri() + "/backupmock/"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(post.status()).isEqualTo(405);
        assertThat(post.errorCode()).isEqualTo("MethodNotAllowed");
        assertThat(post.header("Allow")).isEqualTo("GET, HEAD");

        Reply head = server.send(HttpRequest.newBuilder(URI.create(server.server.baseUri() + "/backupmock/"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.body()).isEmpty();

        // The admin API keeps its own answers, whatever the case of its prefix.
        assertThat(get("/backupmock/admin/nothing").status()).isEqualTo(401);
        assertThat(get("/backupmock/Admin/subscriptions").status()).isEqualTo(401);
    }

    @Test
    void pageLoadsAreNotJournaledNorCountedAsArmRequests() {
        String sub = newSubscription();
        server.arm("GET", itemPath(sub), null);
        get("/backupmock/");
        get("/backupmock/dashboard.js");
        JsonNode all = server.admin("GET", ADMIN + "/journal", null).json().path("requests");
        List<String> paths = new ArrayList<>();
        all.forEach(r -> paths.add(r.path("path").asText()));
        assertThat(paths).contains(itemPath(sub)).noneMatch(p -> p.startsWith("/backupmock"));
    }

    // ------------------------------------------------------------------ subscriptions

    @Test
    void listsSubscriptionsWithVaultsOrRequests() {
        String busy = newSubscription();
        String idle = newSubscription();
        server.arm("POST", itemPath(busy) + "/backup", BACKUP_BODY);
        server.arm("GET", itemPath(busy), null);
        assertThat(server.admin("POST", ADMIN + "/vaults", "{\"subscriptionId\":\"" + idle
                + "\",\"resourceGroup\":\"rg\",\"name\":\"quiet\"}").status()).isEqualTo(201);

        Reply list = server.admin("GET", ADMIN + "/subscriptions", null);
        assertThat(list.status()).isEqualTo(200);
        JsonNode b = find(list.json().path("value"), busy);
        assertThat(b.path("vaults").asInt()).isEqualTo(1);
        assertThat(b.path("jobs").asInt()).isEqualTo(1);
        assertThat(b.path("requests").asInt()).isEqualTo(2);
        assertThat(b.path("lastSequence").asLong()).isPositive();
        JsonNode i = find(list.json().path("value"), idle);
        assertThat(i.path("vaults").asInt()).isEqualTo(1);
        assertThat(i.path("jobs").asInt()).isZero();
        assertThat(i.path("requests").asInt()).isZero();
        assertThat(i.path("lastSequence").asLong()).isZero();

        server.admin("POST", ADMIN + "/reset?subscriptionId=" + busy, null);
        JsonNode after = server.admin("GET", ADMIN + "/subscriptions", null).json().path("value");
        List<String> ids = new ArrayList<>();
        after.forEach(s -> ids.add(s.path("subscriptionId").asText()));
        assertThat(ids).contains(idle).doesNotContain(busy);
    }

    @Test
    void describesOneSubscriptionWithJobTimelinesAndOperations() {
        String sub = newSubscription();
        Reply accepted = server.arm("POST", itemPath(sub) + "/backup", BACKUP_BODY);
        assertThat(accepted.status()).isEqualTo(202);
        server.clock.advance(Duration.ofSeconds(15));

        Reply reply = server.admin("GET", ADMIN + "/subscriptions/" + sub, null);
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        JsonNode state = reply.json();
        assertThat(state.path("subscriptionId").asText()).isEqualTo(sub);
        assertThat(state.at("/clock/mode").asText()).isEqualTo("virtual");
        assertThat(state.at("/clock/instant").asText()).isEqualTo(server.clock.instant().toString());
        assertThat(state.path("vaults")).hasSize(1);
        JsonNode vault = state.path("vaults").get(0);
        assertThat(vault.path("name").asText()).isEqualTo("testVault");
        assertThat(vault.path("resourceGroup").asText()).isEqualTo("testVaultRG");
        assertThat(vault.path("items").get(0).path("name").asText()).isEqualTo(TestEmulator.ITEM);

        JsonNode job = vault.path("jobs").get(0);
        assertThat(job.path("operation").asText()).isEqualTo("Backup");
        assertThat(job.path("status").asText()).isEqualTo("InProgress");
        assertThat(job.path("entityFriendlyName").asText()).isEqualTo("testVM");
        assertThat(job.path("duration").asText()).isEqualTo("PT15S");
        assertThat(job.has("endTime")).isFalse();
        assertThat(job.path("propertyBag").path("Backup Size").asText()).isEqualTo("2332 MB");
        String start = job.path("startTime").asText();
        JsonNode snapshot = job.path("tasks").get(0);
        JsonNode transfer = job.path("tasks").get(1);
        assertThat(snapshot.path("taskId").asText()).isEqualTo("Take Snapshot");
        assertThat(snapshot.path("status").asText()).isEqualTo("Completed");
        assertThat(snapshot.path("plannedStart").asText()).isEqualTo(start);
        assertThat(snapshot.path("endTime").asText()).isEqualTo(snapshot.path("plannedEnd").asText());
        assertThat(transfer.path("status").asText()).isEqualTo("InProgress");
        assertThat(transfer.path("plannedStart").asText()).isEqualTo(snapshot.path("plannedEnd").asText());
        assertThat(transfer.has("endTime")).isFalse();
        assertThat(transfer.path("progressPercentage").asDouble()).isEqualTo(25.0);
        assertThat(job.path("endsAt").asText()).isEqualTo(transfer.path("plannedEnd").asText());

        JsonNode op = vault.path("operations").get(0);
        assertThat(op.path("kind").asText()).isEqualTo("ITEM");
        assertThat(op.path("jobId").asText()).isEqualTo(job.path("id").asText());
        assertThat(op.at("/status/status").asText()).isEqualTo("Succeeded");

        server.clock.advance(Duration.ofSeconds(15));
        JsonNode done = server.admin("GET", ADMIN + "/subscriptions/" + sub, null).json().at("/vaults/0/jobs/0");
        assertThat(done.path("status").asText()).isEqualTo("Completed");
        assertThat(done.path("endTime").asText()).isEqualTo(done.path("endsAt").asText());
    }

    @Test
    void anUnknownSubscriptionIsEmptyAndABadOneRefused() {
        String sub = newSubscription();
        Reply empty = server.admin("GET", ADMIN + "/subscriptions/" + sub, null);
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.json().path("vaults")).isEmpty();
        assertThat(server.admin("GET", ADMIN + "/subscriptions", null).body()).doesNotContain(sub);

        Reply bad = server.admin("GET", ADMIN + "/subscriptions/not-a-guid", null);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorCode()).isEqualTo("InvalidAdminRequest");
        assertThat(bad.json().at("/error/message").asText()).contains("subscriptionId", "not-a-guid");
    }

    // ------------------------------------------------------------------ the journal's tail

    @Test
    void theTailAnswersOnlyWhatIsNewAndTellsWhatWasCleared() {
        String sub = newSubscription();
        String other = newSubscription();
        server.arm("GET", itemPath(sub), null);
        server.arm("GET", itemPath(other), null);
        server.arm("POST", itemPath(sub) + "/backup", BACKUP_BODY);

        JsonNode all = tail(sub, "");
        assertThat(all.path("requests")).hasSize(2);
        assertThat(all.path("skipped").asInt()).isZero();
        long first = all.path("requests").get(0).path("sequence").asLong();
        long last = all.path("requests").get(1).path("sequence").asLong();
        assertThat(last).isGreaterThan(first);
        assertThat(all.path("first").asLong()).isEqualTo(first);
        assertThat(all.path("last").asLong()).isEqualTo(last);
        JsonNode post = all.path("requests").get(1);
        assertThat(post.path("method").asText()).isEqualTo("POST");
        assertThat(post.path("status").asInt()).isEqualTo(202);
        assertThat(post.at("/responseHeaders/retry-after").asText()).isEqualTo("1");
        assertThat(post.path("body").asText()).isEqualTo(BACKUP_BODY);

        assertThat(tail(sub, "&after=" + last).path("requests")).isEmpty();
        server.arm("GET", itemPath(sub), null);
        JsonNode newer = tail(sub, "&after=" + last);
        assertThat(newer.path("requests")).hasSize(1);
        assertThat(newer.path("requests").get(0).path("sequence").asLong()).isGreaterThan(last);

        JsonNode limited = tail(sub, "&limit=1");
        assertThat(limited.path("requests")).hasSize(1);
        assertThat(limited.path("skipped").asInt()).isEqualTo(2);
        assertThat(limited.path("requests").get(0).path("sequence").asLong())
                .isEqualTo(newer.path("requests").get(0).path("sequence").asLong());

        server.admin("DELETE", ADMIN + "/journal?subscriptionId=" + sub, null);
        JsonNode cleared = tail(sub, "&after=" + last);
        assertThat(cleared.has("first")).isFalse();
        assertThat(cleared.has("last")).isFalse();
        assertThat(cleared.path("requests")).isEmpty();
        server.arm("GET", itemPath(sub), null);
        JsonNode again = tail(sub, "&after=" + last);
        assertThat(again.path("first").asLong()).as("sequence numbers never go back").isGreaterThan(last);
        assertThat(again.path("requests")).hasSize(1);
    }

    @Test
    void theTailRefusesBadNumbers() {
        for (String query : List.of("?after=-1", "?after=x", "?limit=0", "?limit=1001", "?limit=two")) {
            Reply bad = server.admin("GET", ADMIN + "/journal/tail" + query, null);
            assertThat(bad.status()).as(query).isEqualTo(400);
            assertThat(bad.errorCode()).isEqualTo("InvalidAdminRequest");
            assertThat(bad.json().at("/error/message").asText()).startsWith(query.substring(1, query.indexOf('=')));
        }
    }

    private JsonNode tail(String sub, String query) {
        Reply reply = server.admin("GET", ADMIN + "/journal/tail?subscriptionId=" + sub + query, null);
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        return reply.json();
    }

    private static JsonNode find(JsonNode list, String subscription) {
        for (JsonNode s : list) {
            if (s.path("subscriptionId").asText().equals(subscription)) {
                return s;
            }
        }
        throw new AssertionError("no subscription " + subscription + " in " + list);
    }
}
