package io.backupmock.server.http;

import static io.backupmock.server.http.TestEmulator.CONTAINER;
import static io.backupmock.server.http.TestEmulator.ITEM;
import static io.backupmock.server.http.TestEmulator.itemPath;
import static io.backupmock.server.http.TestEmulator.newSubscription;
import static io.backupmock.server.http.TestEmulator.vaultPath;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.backupmock.server.BackupMockServer;
import io.backupmock.server.state.Settings;
import io.backupmock.server.clock.VirtualClock;
import io.backupmock.server.config.ConfigLoader;
import io.backupmock.server.config.EmulatorConfig;
import io.backupmock.server.http.TestEmulator.Reply;
import io.backupmock.server.wire.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The admin API under {@code /backupmock/admin}, over HTTP: every route with what it changes, its
 * refusals (which change nothing), the admin token, and that the OpenAPI document describes
 * exactly the routes served. Tests that change state shared by all subscriptions (scenario, rules,
 * clock, journal, faults, reset) start a server of their own; the others share one, each with a
 * fresh subscription.
 */
class AdminApiHttpTest {
    static final String ADMIN = "/backupmock/admin";
    static final Instant START = Instant.parse("2026-11-25T08:00:00Z");
    static final String RG = "testVaultRG";
    static final String VAULT = "testVault";
    static final String V = ADMIN + "/vaults/{subscriptionId}/{resourceGroup}/{vault}";
    static final String BACKUP_BODY = "{\"properties\":{\"objectType\":\"IaasVMBackupRequest\"}}";

    /** The routes of {@code AdminApi.routes}, copied from it: the OpenAPI document must list exactly these. */
    static final List<String> ROUTES = List.of(
            "GET " + ADMIN,
            "GET " + ADMIN + "/openapi.json",
            "GET " + ADMIN + "/vaults",
            "POST " + ADMIN + "/vaults",
            "GET " + V + "/jobs",
            "POST " + V + "/jobs",
            "POST " + V + "/jobs/{jobId}/fail",
            "GET " + V + "/nextJobs",
            "POST " + V + "/nextJobs",
            "GET " + V + "/operations",
            "GET " + ADMIN + "/scenario",
            "PUT " + ADMIN + "/scenario",
            "GET " + ADMIN + "/rules",
            "POST " + ADMIN + "/rules",
            "DELETE " + ADMIN + "/rules",
            "GET " + ADMIN + "/clock",
            "POST " + ADMIN + "/clock",
            "GET " + ADMIN + "/journal",
            "DELETE " + ADMIN + "/journal",
            "GET " + ADMIN + "/faults",
            "POST " + ADMIN + "/faults",
            "DELETE " + ADMIN + "/faults",
            "POST " + ADMIN + "/reset",
            "POST " + ADMIN + "/provider-states",
            "GET " + ADMIN + "/subscriptions",
            "GET " + ADMIN + "/subscriptions/{subscriptionId}",
            "GET " + ADMIN + "/journal/tail");

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static Server shared;

    @BeforeAll
    static void start() {
        shared = new Server(Settings.DEFAULTS);
    }

    @AfterAll
    static void stop() {
        shared.close();
    }

    // ------------------------------------------------------------------ index and OpenAPI document

    @Test
    void indexLinksTheDocumentAndEveryResource() {
        Reply index = shared.admin("GET", ADMIN, null);
        assertThat(index.status()).isEqualTo(200);
        String base = shared.server.baseUri() + ADMIN;
        assertThat(index.json().path("openapi").asText()).isEqualTo(base + "/openapi.json");
        JsonNode resources = index.json().path("resources");
        assertThat(fieldNames(resources))
                .containsExactlyInAnyOrder("vaults", "scenario", "rules", "clock", "journal", "faults", "reset",
                        "provider-states");
        resources.properties().forEach(e -> assertThat(e.getValue().asText()).isEqualTo(base + "/" + e.getKey()));
        Reply vaults = shared.send(HttpRequest.newBuilder(URI.create(resources.path("vaults").asText())).build());
        assertThat(vaults.status()).isEqualTo(200);
        assertThat(vaults.json().isArray()).isTrue();
    }

    @Test
    void servesTheOpenApiDocumentFromTheJar() throws IOException {
        Reply doc = shared.admin("GET", ADMIN + "/openapi.json", null);
        assertThat(doc.status()).isEqualTo(200);
        assertThat(doc.header("Content-Type")).startsWith("application/json");
        JsonNode served = doc.json();
        assertThat(served.path("openapi").asText()).isEqualTo("3.0.3");
        try (InputStream in = getClass().getResourceAsStream("/io/backupmock/server/admin/openapi.json")) {
            assertThat(in).isNotNull();
            assertThat(served).isEqualTo(Json.mapper().readTree(in));
        }
        JsonNode schemas = served.path("components").path("schemas");
        assertThat(fieldNames(schemas)).contains("VaultConfig", "ItemConfig", "JobScript", "JobErrorDetail",
                "OperationScript", "Scenario", "JobRule", "Fault", "ClockChange", "ClockState", "JournalEntry",
                "Journal", "VaultSummary", "CloudError");
        assertThat(fieldNames(schemas.path("JobScript").path("properties"))).containsExactlyInAnyOrder("operation",
                "jobType", "tasks", "duration", "outcome", "errorDetails", "cancellable", "cancellationTime",
                "propertyBag", "trigger", "cancelTooLate");
        assertThat(fieldNames(schemas.path("Fault").path("properties"))).containsExactlyInAnyOrder("subscriptionId",
                "vault", "method", "pathContains", "status", "code", "message", "retryAfter", "latency",
                "dropConnection", "rate", "nth", "times");
        assertThat(served.at("/components/securitySchemes/adminToken/scheme").asText()).isEqualTo("bearer");
    }

    @Test
    void theDocumentListsExactlyTheRoutesServed() {
        JsonNode doc = shared.admin("GET", ADMIN + "/openapi.json", null).json();
        Map<String, Set<String>> documented = new LinkedHashMap<>();
        doc.path("paths").properties().forEach(p -> {
            Set<String> methods = new TreeSet<>();
            p.getValue().fieldNames().forEachRemaining(m -> methods.add(m.toUpperCase(Locale.ROOT)));
            documented.put(p.getKey(), methods);
        });
        Set<String> documentedRoutes = new TreeSet<>();
        documented.forEach((path, methods) -> methods.forEach(m -> documentedRoutes.add(m + " " + path)));
        assertThat(documentedRoutes).containsExactlyInAnyOrderElementsOf(ROUTES);

        try (Server server = new Server(Settings.DEFAULTS)) {
            // The server's own view of each path: a method it does not serve answers 405 with every method it does.
            for (Map.Entry<String, Set<String>> p : documented.entrySet()) {
                Reply patch = server.admin("PATCH", server.fill(p.getKey(), newSubscription()), "{}");
                assertThat(patch.status()).as("PATCH %s", p.getKey()).isEqualTo(405);
                assertThat(Set.of(patch.header("Allow").split(",\\s*"))).as("Allow of %s", p.getKey())
                        .isEqualTo(p.getValue());
            }
            // Every documented operation, called with real path values and its documented example body, succeeds.
            for (Map.Entry<String, Set<String>> p : documented.entrySet()) {
                for (String method : p.getValue()) {
                    JsonNode operation = doc.path("paths").path(p.getKey()).path(method.toLowerCase(Locale.ROOT));
                    for (String param : pathParams(p.getKey())) {
                        assertThat(declaredPathParams(doc, operation)).as("%s %s declares {%s}", method, p.getKey(),
                                param).contains(param);
                    }
                    JsonNode body = operation.at("/requestBody/content/application~1json/example");
                    assertThat(operation.has("requestBody") == !body.isMissingNode())
                            .as("%s %s has an example body", method, p.getKey()).isTrue();
                    String sub = newSubscription();
                    Reply reply = server.admin(method, server.fill(p.getKey(), sub),
                            body.isMissingNode() ? null : body.toString());
                    assertThat(reply.status()).as("%s %s: %s", method, p.getKey(), reply).isBetween(200, 299);
                    assertThat(fieldNames(operation.path("responses"))).as("%s %s documents its answer", method,
                            p.getKey()).contains(Integer.toString(reply.status()));
                }
            }
        }
    }

    // ------------------------------------------------------------------ vaults

    @Test
    void declaresAVaultWithItemsAndNextJobsThatArmThenFinds() {
        try (Server strict = new Server(Settings.builder().strict(true).build())) {
            String sub = newSubscription();
            String sharePath = vaultPath(sub) + "/backupFabrics/Azure/protectionContainers/"
                    + "StorageContainer;Storage;testRG;teststorage/protectedItems/AzureFileShare;testshare";
            assertThat(strict.arm("GET", itemPath(sub), null).status()).as("not declared yet").isEqualTo(404);

            Reply declared = strict.admin("POST", ADMIN + "/vaults", """
                    {"subscriptionId": "%s", "resourceGroup": "testVaultRG", "name": "testVault",
                     "items": [{"vm": "testRG/testVM"},
                               {"container": "StorageContainer;Storage;testRG;teststorage",
                                "name": "AzureFileShare;testshare", "protectionState": "ProtectionStopped"}],
                     "nextJobs": [{"operation": "Backup", "duration": "PT1M"}]}""".formatted(sub));
            assertThat(declared.status()).as("%s", declared).isEqualTo(201);
            JsonNode vault = declared.json();
            assertThat(vault.path("subscriptionId").asText()).isEqualTo(sub);
            assertThat(vault.path("path").asText()).isEqualTo(vaultPath(sub));
            assertThat(vault.path("jobs").asInt()).isZero();
            assertThat(vault.at("/nextJobs/0/duration").asText()).isEqualTo("PT1M");
            assertThat(vault.path("items")).extracting(i -> i.path("container").asText() + "|" + i.path("name").asText())
                    .containsExactlyInAnyOrder(CONTAINER + "|" + ITEM,
                            "StorageContainer;Storage;testRG;teststorage|AzureFileShare;testshare");

            Reply listed = strict.admin("GET", ADMIN + "/vaults?subscriptionId=" + sub, null);
            assertThat(listed.status()).isEqualTo(200);
            assertThat(listed.json()).hasSize(1);
            assertThat(listed.json().get(0)).isEqualTo(vault);
            assertThat(strict.admin("GET", ADMIN + "/vaults", null).json())
                    .extracting(v -> v.path("subscriptionId").asText()).contains(sub);

            Reply vm = strict.arm("GET", itemPath(sub), null);
            assertThat(vm.status()).as("%s", vm).isEqualTo(200);
            assertThat(vm.json().at("/properties/friendlyName").asText()).isEqualTo("testVM");
            assertThat(vm.json().at("/properties/protectionState").asText()).isEqualTo("Protected");
            Reply share = strict.arm("GET", sharePath, null);
            assertThat(share.status()).as("%s", share).isEqualTo(200);
            assertThat(share.json().at("/properties/protectionState").asText()).isEqualTo("ProtectionStopped");
            assertThat(strict.admin("GET", strict.vaultAdmin(sub) + "/nextJobs", null).json().at("/nextJobs/0/duration")
                    .asText()).isEqualTo("PT1M");
        }
    }

    @Test
    void declareRefusesAnUnknownFieldNamingItsPath() {
        String sub = newSubscription();
        Reply reply = shared.admin("POST", ADMIN + "/vaults", """
                {"subscriptionId": "%s", "resourceGroup": "rg", "name": "v",
                 "items": [{"vm": "testRG/testVM", "size": 3}]}""".formatted(sub));
        assertInvalid(reply, "items[0]", "'size'");
        assertThat(shared.vaults(sub)).isEmpty();
    }

    @Test
    void declareRefusesABadSubscriptionIdAndMissingOrMalformedBodies() {
        assertInvalid(shared.admin("POST", ADMIN + "/vaults",
                "{\"subscriptionId\": \"not-a-guid\", \"resourceGroup\": \"rg\", \"name\": \"v\"}"),
                "subscriptionId", "not-a-guid");
        assertThat(shared.vaults("not-a-guid")).isEmpty();
        assertInvalid(shared.admin("POST", ADMIN + "/vaults", null), "body: required");
        assertInvalid(shared.admin("POST", ADMIN + "/vaults", "{not json"), "body");
        String sub = newSubscription();
        assertInvalid(shared.admin("POST", ADMIN + "/vaults",
                "{\"subscriptionId\": \"" + sub + "\", \"name\": \"v\"}"), "resourceGroup");
        assertThat(shared.vaults(sub)).isEmpty();
    }

    @Test
    void declareWithABadItemNameAppliesNothing() {
        String sub = newSubscription();
        Reply reply = shared.admin("POST", ADMIN + "/vaults", """
                {"subscriptionId": "%s", "resourceGroup": "testVaultRG", "name": "testVault",
                 "items": [{"vm": "testRG/testVM"}, {"container": "c", "name": "Widget;x"}],
                 "nextJobs": [{"duration": "PT1M"}]}""".formatted(sub));
        assertInvalid(reply, "items[1].name", "Widget;x");
        assertThat(shared.vaults(sub)).as("nothing half-applied").isEmpty();
        assertThat(shared.admin("GET", ADMIN + "/vaults", null).json())
                .extracting(v -> v.path("subscriptionId").asText()).doesNotContain(sub);
    }

    // ------------------------------------------------------------------ jobs

    @Test
    void createsListsAndFailsAJob() {
        String sub = newSubscription();
        Reply created = shared.admin("POST", shared.vaultAdmin(sub) + "/jobs", """
                {"item": {"vm": "testRG/testVM"},
                 "script": {"operation": "Backup", "tasks": [["Take Snapshot", "PT10M"]]}}""");
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        JsonNode job = created.json();
        String jobId = job.path("name").asText();
        assertThat(job.path("id").asText()).isEqualTo(vaultPath(sub) + "/backupJobs/" + jobId);
        assertThat(job.at("/properties/status").asText()).isEqualTo("InProgress");
        assertThat(job.at("/properties/operation").asText()).isEqualTo("Backup");
        assertThat(job.at("/properties/jobType").asText()).isEqualTo("AzureIaaSVMJob");
        assertThat(job.at("/properties/entityFriendlyName").asText()).isEqualTo("testVM");
        assertThat(job.at("/properties/extendedInfo/tasksList/0/taskId").asText()).isEqualTo("Take Snapshot");

        Reply listed = shared.admin("GET", shared.vaultAdmin(sub) + "/jobs", null);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().path("value")).extracting(j -> j.path("name").asText()).containsExactly(jobId);
        assertThat(shared.arm("GET", vaultPath(sub) + "/backupJobs/" + jobId, null).json()
                .at("/properties/status").asText()).isEqualTo("InProgress");

        Reply failed = shared.admin("POST", shared.vaultAdmin(sub) + "/jobs/" + jobId + "/fail", """
                {"errorDetails": [{"errorCode": 400002, "errorTitle": "UserErrorVmNotFoundV2",
                                   "errorString": "Virtual machine doesn't exist.",
                                   "recommendations": ["Check the VM exists."]}]}""");
        assertThat(failed.status()).as("%s", failed).isEqualTo(200);
        assertThat(failed.json().at("/properties/status").asText()).isEqualTo("Failed");
        assertThat(failed.json().at("/properties/errorDetails/0/errorCode").asInt()).isEqualTo(400002);

        shared.clock.advance(Duration.ofMinutes(20));
        JsonNode viaArm = shared.arm("GET", vaultPath(sub) + "/backupJobs/" + jobId, null).json();
        assertThat(viaArm.at("/properties/status").asText()).as("it stays failed").isEqualTo("Failed");
        assertThat(viaArm.at("/properties/errorDetails/0/errorTitle").asText()).isEqualTo("UserErrorVmNotFoundV2");
        assertThat(viaArm.at("/properties/errorDetails/0/recommendations/0").asText())
                .isEqualTo("Check the VM exists.");

        Reply again = shared.admin("POST", shared.vaultAdmin(sub) + "/jobs/" + jobId + "/fail", "{}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.errorCode()).isEqualTo("JobNotRunning");
        Reply unknown = shared.admin("POST", shared.vaultAdmin(sub) + "/jobs/" + newSubscription() + "/fail", "{}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo("ResourceNotFound");
    }

    @Test
    void aCompletedJobCannotBeFailedAndAVaultJobNeedsNoItem() {
        String sub = newSubscription();
        Reply created = shared.admin("POST", shared.vaultAdmin(sub) + "/jobs",
                "{\"script\": {\"operation\": \"Restore\", \"duration\": \"PT30S\"}}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().at("/properties/jobType").asText()).isEqualTo("VaultJob");
        assertThat(created.json().at("/properties/operation").asText()).isEqualTo("Restore");
        shared.clock.advance(Duration.ofSeconds(30));
        String jobId = created.json().path("name").asText();
        Reply late = shared.admin("POST", shared.vaultAdmin(sub) + "/jobs/" + jobId + "/fail", "{}");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.errorCode()).isEqualTo("JobNotRunning");
        assertThat(late.json().at("/error/message").asText()).contains("Completed");
        assertThat(shared.arm("GET", vaultPath(sub) + "/backupJobs/" + jobId, null).json()
                .at("/properties/status").asText()).isEqualTo("Completed");
    }

    @Test
    void badJobRequestsChangeNothing() {
        String sub = newSubscription();
        assertInvalid(shared.admin("POST", shared.vaultAdmin(sub) + "/jobs", "{\"item\": {\"vm\": \"testRG/testVM\"}}"),
                "script");
        assertInvalid(shared.admin("POST", shared.vaultAdmin(sub) + "/jobs",
                "{\"item\": {\"container\": \"c\", \"name\": \"Widget;x\"}, \"script\": {}}"), "item.name", "Widget;x");
        assertInvalid(shared.admin("POST", shared.vaultAdmin(sub) + "/jobs",
                "{\"script\": {\"outcome\": \"Cancelled\"}}"), "outcome");
        assertInvalid(shared.admin("POST", shared.vaultAdmin(sub) + "/jobs/" + newSubscription() + "/fail",
                "{\"errorDetails\": [{\"code\": 1}]}"), "errorDetails[0]", "'code'");
        assertInvalid(shared.admin("POST", shared.vaultAdmin(sub) + "/nextJobs", "{}"), "array");
        assertThat(shared.vaults(sub)).as("refused requests create no vault").isEmpty();

        Reply badSubscription = shared.admin("POST", ADMIN + "/vaults/not-a-guid/rg/v/jobs", "{\"script\": {}}");
        assertInvalid(badSubscription, "subscriptionId", "not-a-guid");
        assertThat(shared.vaults("not-a-guid")).isEmpty();
    }

    @Test
    void strictModeAnswers404ForAnUndeclaredVaultOrItem() {
        try (Server strict = new Server(Settings.builder().strict(true).build())) {
            String sub = newSubscription();
            Reply missing = strict.admin("GET", strict.vaultAdmin(sub) + "/jobs", null);
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.errorCode()).isEqualTo("ResourceNotFound");
            strict.admin("POST", ADMIN + "/vaults", "{\"subscriptionId\": \"" + sub
                    + "\", \"resourceGroup\": \"testVaultRG\", \"name\": \"testVault\"}");
            assertInvalid(strict.admin("POST", strict.vaultAdmin(sub) + "/jobs",
                    "{\"item\": {\"vm\": \"testRG/testVM\"}, \"script\": {}}"), "item:", "declare it first");
            assertThat(strict.admin("GET", strict.vaultAdmin(sub) + "/jobs", null).json().path("value")).isEmpty();
        }
    }

    // ------------------------------------------------------------------ next jobs and operations

    @Test
    void queuedNextJobsAreFollowedByTheNextTriggers() {
        String sub = newSubscription();
        Reply queued = shared.admin("POST", shared.vaultAdmin(sub) + "/nextJobs", """
                [{"operation": "Backup", "tasks": [["Take Snapshot", "PT1M"]], "outcome": "Failed",
                  "errorDetails": [{"errorCode": 400002, "errorTitle": "UserErrorVmNotFoundV2",
                                    "errorString": "Virtual machine doesn't exist."}]},
                 {"duration": "PT3M"}]""");
        assertThat(queued.status()).as("%s", queued).isEqualTo(200);
        assertThat(queued.json().path("nextJobs")).hasSize(2);
        JsonNode listed = shared.admin("GET", shared.vaultAdmin(sub) + "/nextJobs", null).json();
        assertThat(listed.at("/nextJobs/0/outcome").asText()).isEqualTo("Failed");
        assertThat(listed.at("/nextJobs/0/tasks/0/0").asText()).isEqualTo("Take Snapshot");
        assertThat(listed.at("/nextJobs/0/tasks/0/1").asText()).isEqualTo("PT1M");
        assertThat(listed.at("/nextJobs/1/duration").asText()).isEqualTo("PT3M");

        String first = shared.triggerBackup(sub, itemPath(sub));
        JsonNode job = shared.armJob(sub, first);
        assertThat(job.at("/properties/status").asText()).isEqualTo("InProgress");
        assertThat(job.at("/properties/extendedInfo/tasksList/0/taskId").asText()).isEqualTo("Take Snapshot");
        assertThat(shared.admin("GET", shared.vaultAdmin(sub) + "/nextJobs", null).json().path("nextJobs"))
                .as("the first script is used up").hasSize(1);
        shared.clock.advance(Duration.ofMinutes(1));
        job = shared.armJob(sub, first);
        assertThat(job.at("/properties/status").asText()).isEqualTo("Failed");
        assertThat(job.at("/properties/errorDetails/0/errorTitle").asText()).isEqualTo("UserErrorVmNotFoundV2");

        String second = shared.triggerBackup(sub, itemPath(sub));
        shared.clock.advance(Duration.ofMinutes(2));
        assertThat(shared.armJob(sub, second).at("/properties/status").asText()).isEqualTo("InProgress");
        shared.clock.advance(Duration.ofMinutes(1));
        assertThat(shared.armJob(sub, second).at("/properties/status").asText()).isEqualTo("Completed");
        assertThat(shared.admin("GET", shared.vaultAdmin(sub) + "/nextJobs", null).json().path("nextJobs")).isEmpty();
    }

    @Test
    void aBadNextJobIsNamedByItsIndexAndNothingIsQueued() {
        String sub = newSubscription();
        shared.admin("POST", shared.vaultAdmin(sub) + "/nextJobs", "[{\"duration\": \"PT1M\"}]");
        Reply reply = shared.admin("POST", shared.vaultAdmin(sub) + "/nextJobs",
                "[{\"duration\": \"PT2M\"}, {\"tasks\": [[\"Take Snapshot\", \"PT1M\"]], \"duration\": \"PT1M\"}]");
        assertInvalid(reply, "body[1]", "tasks or duration");
        assertThat(reply.json().at("/error/message").asText()).startsWith("body[1]");
        Reply badDuration = shared.admin("POST", shared.vaultAdmin(sub) + "/nextJobs",
                "[{\"duration\": \"PT2M\"}, {\"tasks\": [[\"Take Snapshot\", \"ten seconds\"]]}]");
        assertInvalid(badDuration, "body[1]", "tasks");
        JsonNode queue = shared.admin("GET", shared.vaultAdmin(sub) + "/nextJobs", null).json().path("nextJobs");
        assertThat(queue).extracting(s -> s.path("duration").asText()).containsExactly("PT1M");
    }

    @Test
    void listsTheOperationsOfTriggersWithTheirStatus() {
        String sub = newSubscription();
        assertThat(shared.admin("GET", shared.vaultAdmin(sub) + "/operations", null).json().path("value")).isEmpty();
        String jobId = shared.triggerBackup(sub, itemPath(sub));
        JsonNode ops = shared.admin("GET", shared.vaultAdmin(sub) + "/operations", null).json().path("value");
        assertThat(ops).hasSize(1);
        assertThat(ops.at("/0/kind").asText()).isEqualTo("ITEM");
        assertThat(ops.at("/0/jobId").asText()).isEqualTo(jobId);
        assertThat(ops.at("/0/status/status").asText()).as("the default trigger runs 2s").isEqualTo("InProgress");
        shared.clock.advance(Duration.ofSeconds(2));
        ops = shared.admin("GET", shared.vaultAdmin(sub) + "/operations", null).json().path("value");
        assertThat(ops.at("/0/status/status").asText()).isEqualTo("Succeeded");
        assertThat(ops.at("/0/status/properties/jobId").asText()).isEqualTo(jobId);
    }

    // ------------------------------------------------------------------ scenario and rules

    @Test
    void scenarioReplacesTheDefaultScriptsOfTheOperationsItNames() {
        try (Server server = new Server(Settings.DEFAULTS)) {
            JsonNode initial = server.admin("GET", ADMIN + "/scenario", null).json();
            assertThat(scriptFor(initial, "Backup").at("/tasks/0/0").asText()).isEqualTo("Take Snapshot");

            Reply put = server.admin("PUT", ADMIN + "/scenario", """
                    {"jobs": [{"operation": "Backup", "tasks": [["Copy", "PT3M"]], "outcome": "CompletedWithWarnings",
                               "errorDetails": [{"errorString": "Some files were skipped."}]}]}""");
            assertThat(put.status()).as("%s", put).isEqualTo(200);
            assertThat(scriptFor(put.json(), "Backup").at("/tasks/0/0").asText()).isEqualTo("Copy");
            assertThat(scriptFor(put.json(), "Restore")).as("operations not named keep theirs")
                    .isEqualTo(scriptFor(initial, "Restore"));
            assertThat(server.admin("GET", ADMIN + "/scenario", null).json()).isEqualTo(put.json());

            String sub = newSubscription();
            String jobId = server.triggerBackup(sub, itemPath(sub));
            JsonNode job = server.armJob(sub, jobId);
            assertThat(job.at("/properties/extendedInfo/tasksList/0/taskId").asText()).isEqualTo("Copy");
            server.clock.advance(Duration.ofMinutes(3));
            job = server.armJob(sub, jobId);
            assertThat(job.at("/properties/status").asText()).isEqualTo("CompletedWithWarnings");
            assertThat(job.at("/properties/errorDetails/0/errorString").asText()).isEqualTo("Some files were skipped.");

            assertInvalid(server.admin("PUT", ADMIN + "/scenario", "{\"jobs\": [{\"duration\": \"PT1M\"}]}"),
                    "names its operation");
            assertInvalid(server.admin("PUT", ADMIN + "/scenario",
                    "{\"jobs\": [{\"operation\": \"Backup\"}, {\"operation\": \"Backup\"}]}"), "two scripts");
            assertThat(server.admin("GET", ADMIN + "/scenario", null).json()).as("unchanged").isEqualTo(put.json());

            Reply back = server.admin("PUT", ADMIN + "/scenario", "{}");
            assertThat(scriptsByOperation(back.json())).as("a PUT lays its body over the start scenario")
                    .isEqualTo(scriptsByOperation(initial));
            assertThat(back.json().path("export")).isEqualTo(initial.path("export"));
        }
    }

    @Test
    void rulesApplyToEveryMatchingTriggerUntilCleared() {
        try (Server server = new Server(Settings.DEFAULTS)) {
            Reply added = server.admin("POST", ADMIN + "/rules", """
                    {"match": {"operation": "Backup", "vault": "testVaultRG/testVault",
                               "item": "VM;iaasvmcontainerv2;testRG;testVM"},
                     "script": {"duration": "PT7M", "outcome": "Failed",
                                "errorDetails": [{"errorCode": 400002, "errorString": "Virtual machine doesn't exist."}]}}""");
            assertThat(added.status()).as("%s", added).isEqualTo(201);
            assertThat(added.json()).hasSize(1);
            JsonNode rules = server.admin("GET", ADMIN + "/rules", null).json();
            assertThat(rules).hasSize(1);
            assertThat(rules.at("/0/match/item").asText()).isEqualTo(ITEM);
            assertThat(rules.at("/0/script/duration").asText()).isEqualTo("PT7M");

            String sub = newSubscription();
            String other = vaultPath(sub) + "/backupFabrics/Azure/protectionContainers/"
                    + "IaasVMContainer;iaasvmcontainerv2;testRG;otherVM/protectedItems/VM;iaasvmcontainerv2;testRG;otherVM";
            String first = server.triggerBackup(sub, itemPath(sub));
            String second = server.triggerBackup(sub, itemPath(sub));
            String unmatched = server.triggerBackup(sub, other);
            server.clock.advance(Duration.ofMinutes(6));
            assertThat(server.armJob(sub, first).at("/properties/status").asText()).isEqualTo("InProgress");
            assertThat(server.armJob(sub, unmatched).at("/properties/status").asText())
                    .as("another item follows the scenario (30s)").isEqualTo("Completed");
            server.clock.advance(Duration.ofMinutes(1));
            assertThat(server.armJob(sub, first).at("/properties/status").asText()).isEqualTo("Failed");
            assertThat(server.armJob(sub, second).at("/properties/status").asText())
                    .as("a rule is not used up").isEqualTo("Failed");

            assertInvalid(server.admin("POST", ADMIN + "/rules", "{\"match\": {\"operation\": \"Backup\"}}"), "script");
            assertInvalid(server.admin("POST", ADMIN + "/rules",
                    "{\"match\": {\"colour\": \"red\"}, \"script\": {}}"), "'colour'");
            assertThat(server.admin("GET", ADMIN + "/rules", null).json()).hasSize(1);

            assertThat(server.admin("DELETE", ADMIN + "/rules", null).status()).isEqualTo(204);
            assertThat(server.admin("GET", ADMIN + "/rules", null).json()).isEmpty();
            String after = server.triggerBackup(sub, itemPath(sub));
            server.clock.advance(Duration.ofSeconds(30));
            assertThat(server.armJob(sub, after).at("/properties/status").asText()).isEqualTo("Completed");
        }
    }

    // ------------------------------------------------------------------ clock

    @Test
    void theVirtualClockMovesJobsAndNeverBackwards() {
        try (Server server = new Server(Settings.DEFAULTS)) {
            JsonNode clock = server.admin("GET", ADMIN + "/clock", null).json();
            assertThat(clock.path("instant").asText()).isEqualTo(START.toString());
            assertThat(clock.path("mode").asText()).isEqualTo("virtual");
            assertThat(clock.path("autoAdvance").asText()).isEqualTo("PT0S");

            String sub = newSubscription();
            String jobId = server.admin("POST", server.vaultAdmin(sub) + "/jobs",
                    "{\"script\": {\"duration\": \"PT10M\"}}").json().path("name").asText();
            Reply advanced = server.admin("POST", ADMIN + "/clock", "{\"advance\": \"PT10M\"}");
            assertThat(advanced.status()).isEqualTo(200);
            assertThat(advanced.json().path("instant").asText()).isEqualTo("2026-11-25T08:10:00Z");
            assertThat(server.clock.instant()).isEqualTo(Instant.parse("2026-11-25T08:10:00Z"));
            assertThat(server.armJob(sub, jobId).at("/properties/status").asText()).isEqualTo("Completed");

            Reply set = server.admin("POST", ADMIN + "/clock", "{\"set\": \"2026-11-25T09:00:00Z\"}");
            assertThat(set.json().path("instant").asText()).isEqualTo("2026-11-25T09:00:00Z");
            assertInvalid(server.admin("POST", ADMIN + "/clock", "{\"set\": \"2026-11-25T08:30:00Z\"}"), "forward");
            assertInvalid(server.admin("POST", ADMIN + "/clock", "{\"advance\": \"-PT1M\"}"), "forward");
            assertInvalid(server.admin("POST", ADMIN + "/clock",
                    "{\"advance\": \"PT1M\", \"set\": \"2027-01-01T00:00:00Z\"}"), "exactly one");
            assertInvalid(server.admin("POST", ADMIN + "/clock", "{\"advance\": \"ten minutes\"}"), "body.advance");
            assertInvalid(server.admin("POST", ADMIN + "/clock", "{\"set\": \"tomorrow\"}"), "body.set");
            assertInvalid(server.admin("POST", ADMIN + "/clock", "{\"warp\": \"PT1M\"}"), "exactly one");
            assertInvalid(server.admin("POST", ADMIN + "/clock", "{}"), "exactly one");
            assertInvalid(server.admin("POST", ADMIN + "/clock", null), "body: required");
            assertThat(server.admin("GET", ADMIN + "/clock", null).json().path("instant").asText())
                    .as("refused changes leave the clock as it was").isEqualTo("2026-11-25T09:00:00Z");

            Reply auto = server.admin("POST", ADMIN + "/clock", "{\"autoAdvance\": \"PT1M\"}");
            assertThat(auto.json().path("autoAdvance").asText()).isEqualTo("PT1M");
            server.admin("GET", ADMIN + "/vaults", null);
            assertThat(server.clock.instant()).as("admin requests do not move it")
                    .isEqualTo(Instant.parse("2026-11-25T09:00:00Z"));
            server.arm("GET", vaultPath(sub) + "/backupJobs", null);
            server.arm("GET", vaultPath(sub) + "/backupJobs", null);
            assertThat(server.clock.instant()).as("each ARM request moves it a step")
                    .isEqualTo(Instant.parse("2026-11-25T09:02:00Z"));
            server.admin("POST", ADMIN + "/clock", "{\"autoAdvance\": \"PT0S\"}");
            server.arm("GET", vaultPath(sub) + "/backupJobs", null);
            assertThat(server.clock.instant()).isEqualTo(Instant.parse("2026-11-25T09:02:00Z"));
        }
    }

    @Test
    void theSystemClockCannotBeMoved() {
        try (Server system = new Server(BackupMockServer.builder().noHttps().httpPort(0).start(), null)) {
            JsonNode clock = system.admin("GET", ADMIN + "/clock", null).json();
            assertThat(clock.path("mode").asText()).isEqualTo("system");
            assertThat(clock.has("autoAdvance")).isFalse();
            assertThat(Duration.between(Instant.parse(clock.path("instant").asText()), Instant.now()).abs())
                    .isLessThan(Duration.ofMinutes(1));
            Reply reply = system.admin("POST", ADMIN + "/clock", "{\"advance\": \"PT5M\"}");
            assertThat(reply.status()).isEqualTo(409);
            assertThat(reply.errorCode()).isEqualTo("ClockNotVirtual");
        }
    }

    // ------------------------------------------------------------------ journal

    @Test
    void journalShowsArmRequestsOnlyFilteredLimitedAndCleared() {
        try (Server server = new Server(Settings.DEFAULTS)) {
            String a = newSubscription();
            String b = newSubscription();
            server.arm("GET", vaultPath(a) + "/backupJobs?n=1", null);
            server.admin("GET", ADMIN + "/vaults", null);
            server.arm("POST", itemPath(b) + "/backup", BACKUP_BODY);
            server.admin("GET", ADMIN + "/nowhere", null);
            server.arm("GET", vaultPath(a) + "/backupJobs?n=2", null);

            Reply all = server.admin("GET", ADMIN + "/journal", null);
            assertThat(all.status()).isEqualTo(200);
            assertThat(all.json().path("dropped").asLong()).isZero();
            JsonNode requests = all.json().path("requests");
            assertThat(requests).as("admin requests are not journaled").hasSize(3);
            assertThat(requests).extracting(r -> r.path("path").asText())
                    .noneMatch(p -> p.startsWith(ADMIN));
            assertThat(requests).extracting(r -> r.path("sequence").asLong()).containsExactly(1L, 2L, 3L);
            JsonNode post = requests.get(1);
            assertThat(post.path("method").asText()).isEqualTo("POST");
            assertThat(post.path("path").asText()).isEqualTo(itemPath(b) + "/backup");
            assertThat(post.path("query").asText()).isEqualTo("api-version=2019-05-13");
            assertThat(post.path("subscriptionId").asText()).isEqualTo(b);
            assertThat(post.path("body").asText()).isEqualTo(BACKUP_BODY);
            assertThat(post.path("status").asInt()).isEqualTo(202);
            assertThat(post.at("/headers/authorization").asText()).isEqualTo("Bearer x");
            assertThat(post.at("/responseHeaders/location").asText()).contains("/operationResults/");
            assertThat(post.path("at").asText()).isEqualTo(START.toString());
            assertThat(post.path("violations")).isEmpty();

            JsonNode onlyA = server.admin("GET", ADMIN + "/journal?subscriptionId=" + a, null).json().path("requests");
            assertThat(onlyA).extracting(r -> r.path("query").asText())
                    .containsExactly("n=1&api-version=2019-05-13", "n=2&api-version=2019-05-13");
            JsonNode latest = server.admin("GET", ADMIN + "/journal?limit=2", null).json().path("requests");
            assertThat(latest).extracting(r -> r.path("sequence").asLong()).containsExactly(2L, 3L);
            assertThat(server.admin("GET", ADMIN + "/journal?limit=0", null).json().path("requests")).isEmpty();
            assertThat(server.admin("GET", ADMIN + "/journal?limit=99", null).json().path("requests")).hasSize(3);
            assertInvalid(server.admin("GET", ADMIN + "/journal?limit=abc", null), "limit", "abc");
            assertInvalid(server.admin("GET", ADMIN + "/journal?limit=-1", null), "limit");

            assertThat(server.admin("DELETE", ADMIN + "/journal?subscriptionId=" + a, null).status()).isEqualTo(204);
            assertThat(server.admin("GET", ADMIN + "/journal", null).json().path("requests"))
                    .extracting(r -> r.path("subscriptionId").asText()).containsExactly(b);
            assertThat(server.admin("DELETE", ADMIN + "/journal", null).status()).isEqualTo(204);
            assertThat(server.admin("GET", ADMIN + "/journal", null).json().path("requests")).isEmpty();
        }
    }

    // ------------------------------------------------------------------ faults

    @Test
    void aThrottlingFaultHitsItsSubscriptionForItsTimesThenStops() {
        try (Server server = new Server(Settings.builder().faultSeed(7L).build())) {
            String a = newSubscription();
            String b = newSubscription();
            Reply added = server.admin("POST", ADMIN + "/faults",
                    "{\"subscriptionId\": \"" + a + "\", \"status\": 429, \"times\": 2}");
            assertThat(added.status()).as("%s", added).isEqualTo(201);
            assertThat(added.json().path("code").asText()).isEqualTo("SubscriptionRequestsThrottled");
            assertThat(added.json().path("retryAfter").asInt()).isEqualTo(10);

            Reply first = server.arm("GET", vaultPath(a) + "/backupJobs", null);
            assertThat(first.status()).isEqualTo(429);
            assertThat(first.header("Retry-After")).isEqualTo("10");
            assertThat(first.errorCode()).isEqualTo("SubscriptionRequestsThrottled");
            assertThat(first.json().at("/error/message").asText()).contains(a);
            assertThat(server.arm("GET", vaultPath(b) + "/backupJobs", null).status())
                    .as("another subscription is not throttled").isEqualTo(200);

            JsonNode faults = server.admin("GET", ADMIN + "/faults", null).json();
            assertThat(faults.path("seed").asLong()).isEqualTo(7L);
            assertThat(faults.path("faults")).hasSize(1);
            assertThat(faults.at("/faults/0/matched").asInt()).isEqualTo(1);
            assertThat(faults.at("/faults/0/fired").asInt()).isEqualTo(1);
            assertThat(faults.at("/faults/0/fault/subscriptionId").asText()).isEqualTo(a);
            assertThat(faults.at("/faults/0/fault/times").asInt()).isEqualTo(2);

            assertThat(server.arm("GET", vaultPath(a) + "/backupJobs", null).status()).isEqualTo(429);
            Reply third = server.arm("GET", vaultPath(a) + "/backupJobs", null);
            assertThat(third.status()).as("%s", third).isEqualTo(200);
            assertThat(server.admin("GET", ADMIN + "/faults", null).json().path("faults"))
                    .as("a fault that fired its times is gone").isEmpty();
        }
    }

    @Test
    void faultsSpareTheAdminApiAndAreClearedAndInvalidOnesRefused() {
        try (Server server = new Server(Settings.DEFAULTS)) {
            String sub = newSubscription();
            assertThat(server.admin("POST", ADMIN + "/faults", "{\"status\": 503}").status()).isEqualTo(201);
            Reply armReply = server.arm("GET", vaultPath(sub) + "/backupJobs", null);
            assertThat(armReply.status()).isEqualTo(503);
            assertThat(armReply.errorCode()).isEqualTo("ServiceUnavailable");
            assertThat(server.admin("GET", ADMIN + "/vaults", null).status()).as("admin is never faulted")
                    .isEqualTo(200);
            assertThat(server.admin("DELETE", ADMIN + "/faults", null).status()).isEqualTo(204);
            assertThat(server.admin("GET", ADMIN + "/faults", null).json().path("faults")).isEmpty();
            assertThat(server.arm("GET", vaultPath(sub) + "/backupJobs", null).status()).isEqualTo(200);

            assertInvalid(server.admin("POST", ADMIN + "/faults", "{\"status\": 200}"), "status", "400-599");
            assertInvalid(server.admin("POST", ADMIN + "/faults", "{\"subscriptionId\": \"" + sub + "\"}"), "effect");
            assertInvalid(server.admin("POST", ADMIN + "/faults", "{\"status\": 503, \"rate\": 0.5, \"nth\": 2}"),
                    "rate or nth");
            assertInvalid(server.admin("POST", ADMIN + "/faults", "{\"status\": 503, \"rate\": 1.5}"), "rate");
            assertInvalid(server.admin("POST", ADMIN + "/faults", "{\"status\": 503, \"times\": 0}"), "times");
            assertInvalid(server.admin("POST", ADMIN + "/faults", "{\"latency\": \"PT10M\"}"), "latency");
            assertInvalid(server.admin("POST", ADMIN + "/faults", "{\"status\": 503, \"colour\": \"red\"}"),
                    "'colour'");
            assertThat(server.admin("GET", ADMIN + "/faults", null).json().path("faults")).isEmpty();
            assertThat(server.arm("GET", vaultPath(sub) + "/backupJobs", null).status()).isEqualTo(200);
        }
    }

    @Test
    void theSameSeedGivesTheSameFaults() {
        List<Integer> first = statusesWithAHalfRateFault(42L);
        List<Integer> second = statusesWithAHalfRateFault(42L);
        assertThat(first).hasSize(20).isEqualTo(second);
        assertThat(first).as("a rate of 0.5 spares some requests and hits others").contains(200, 503);
    }

    private static List<Integer> statusesWithAHalfRateFault(long seed) {
        try (Server server = new Server(Settings.builder().faultSeed(seed).build())) {
            assertThat(server.admin("GET", ADMIN + "/faults", null).json().path("seed").asLong()).isEqualTo(seed);
            server.admin("POST", ADMIN + "/faults", "{\"status\": 503, \"rate\": 0.5}");
            String sub = newSubscription();
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                statuses.add(server.arm("GET", vaultPath(sub) + "/backupJobs", null).status());
            }
            assertThat(server.admin("GET", ADMIN + "/faults", null).json().at("/faults/0/matched").asInt())
                    .isEqualTo(20);
            return statuses;
        }
    }

    // ------------------------------------------------------------------ reset

    @Test
    void resetForgetsEverythingThenDeclaresTheConfigurationAgain() {
        String declared = "11111111-2222-3333-4444-555555555555";
        EmulatorConfig config = ConfigLoader.readJson(("""
                {"vaults": [{"subscriptionId": "%s", "resourceGroup": "testVaultRG", "name": "testVault",
                             "items": [{"vm": "testRG/testVM"}],
                             "nextJobs": [{"operation": "Backup", "duration": "PT1M"}]}]}""".formatted(declared))
                .getBytes(StandardCharsets.UTF_8), EmulatorConfig.class, "test");
        VirtualClock clock = new VirtualClock(START);
        try (Server server = new Server(BackupMockServer.builder().noHttps().httpPort(0).clock(clock).config(config)
                .start(), clock)) {
            assertThat(server.vaults(declared)).hasSize(1);
            String extra = newSubscription();
            server.admin("POST", ADMIN + "/vaults", "{\"subscriptionId\": \"" + extra
                    + "\", \"resourceGroup\": \"rg\", \"name\": \"extra\"}");
            server.triggerBackup(declared, itemPath(declared));
            server.arm("GET", vaultPath(extra) + "/backupJobs", null);
            server.admin("POST", ADMIN + "/faults", "{\"status\": 500, \"pathContains\": \"/nothing\"}");
            server.admin("POST", ADMIN + "/rules", "{\"match\": {}, \"script\": {\"duration\": \"PT9M\"}}");
            server.admin("PUT", ADMIN + "/scenario", "{\"jobs\": [{\"operation\": \"Restore\", \"duration\": \"PT9M\"}]}");
            server.admin("POST", ADMIN + "/clock", "{\"advance\": \"PT1H\"}");
            JsonNode before = server.vaults(declared).get(0);
            assertThat(before.path("jobs").asInt()).isEqualTo(1);
            assertThat(before.path("nextJobs")).as("used up by the trigger").isEmpty();

            Reply reset = server.admin("POST", ADMIN + "/reset", null);
            assertThat(reset.status()).isEqualTo(204);
            assertThat(reset.body()).isEmpty();

            JsonNode vaults = server.admin("GET", ADMIN + "/vaults", null).json();
            assertThat(vaults).extracting(v -> v.path("subscriptionId").asText()).containsExactly(declared);
            JsonNode vault = vaults.get(0);
            assertThat(vault.path("jobs").asInt()).isZero();
            assertThat(vault.at("/items/0/name").asText()).isEqualTo(ITEM);
            assertThat(vault.at("/nextJobs/0/duration").asText()).as("queued again").isEqualTo("PT1M");
            assertThat(server.admin("GET", ADMIN + "/journal", null).json().path("requests")).isEmpty();
            assertThat(server.admin("GET", ADMIN + "/faults", null).json().path("faults")).isEmpty();
            assertThat(server.admin("GET", ADMIN + "/rules", null).json()).isEmpty();
            assertThat(scriptFor(server.admin("GET", ADMIN + "/scenario", null).json(), "Restore")
                    .at("/tasks/0/0").asText()).as("the start scenario is back").isEqualTo("Transfer data");
            assertThat(server.admin("GET", ADMIN + "/clock", null).json().path("instant").asText())
                    .as("the virtual clock is back at its start").isEqualTo(START.toString());
        }
    }

    @Test
    void resetOfOneSubscriptionForgetsOnlyIt() {
        try (Server server = new Server(Settings.DEFAULTS)) {
            String gone = newSubscription();
            String kept = newSubscription();
            for (String sub : List.of(gone, kept)) {
                server.triggerBackup(sub, itemPath(sub));
                server.admin("POST", ADMIN + "/faults", "{\"subscriptionId\": \"" + sub
                        + "\", \"status\": 500, \"pathContains\": \"/nothing\"}");
            }
            server.admin("POST", ADMIN + "/rules", "{\"match\": {\"jobType\": \"DpmJob\"}, \"script\": {}}");

            assertThat(server.admin("POST", ADMIN + "/reset?subscriptionId=" + gone, null).status()).isEqualTo(204);

            assertThat(server.vaults(gone)).isEmpty();
            assertThat(server.vaults(kept)).hasSize(1);
            assertThat(server.vaults(kept).get(0).path("jobs").asInt()).isEqualTo(1);
            assertThat(server.admin("GET", ADMIN + "/journal", null).json().path("requests"))
                    .extracting(r -> r.path("subscriptionId").asText()).containsExactly(kept);
            assertThat(server.admin("GET", ADMIN + "/faults", null).json().path("faults"))
                    .extracting(f -> f.path("fault").path("subscriptionId").asText()).containsExactly(kept);
            assertThat(server.admin("GET", ADMIN + "/rules", null).json()).as("rules are not a subscription's")
                    .hasSize(1);
        }
    }

    // ------------------------------------------------------------------ admin token, 404 and 405

    @Test
    void anAdminTokenGuardsTheAdminApiButNotArm() {
        try (Server server = new Server(Settings.builder().adminToken("s3cret").build())) {
            for (String path : List.of(ADMIN + "/vaults", ADMIN + "/openapi.json", ADMIN + "/nowhere")) {
                Reply none = server.admin("GET", path, null, null);
                assertThat(none.status()).as("%s without a token", path).isEqualTo(401);
                assertThat(none.errorCode()).isEqualTo("AuthenticationFailed");
                assertThat(none.header("WWW-Authenticate")).startsWith("Bearer");
            }
            assertThat(server.admin("GET", ADMIN + "/vaults", null, "Bearer wrong").status()).isEqualTo(401);
            assertThat(server.admin("GET", ADMIN + "/vaults", null, "s3cret").status()).isEqualTo(401);
            Reply refused = server.admin("POST", ADMIN + "/clock", "{\"advance\": \"PT1M\"}", "Bearer wrong");
            assertThat(refused.status()).isEqualTo(401);
            assertThat(server.clock.instant()).as("a refused call changes nothing").isEqualTo(START);

            assertThat(server.admin("GET", ADMIN + "/vaults", null, "Bearer s3cret").status()).isEqualTo(200);
            Reply moved = server.admin("POST", ADMIN + "/clock", "{\"advance\": \"PT1M\"}", "Bearer s3cret");
            assertThat(moved.status()).isEqualTo(200);
            assertThat(server.clock.instant()).isEqualTo(START.plus(Duration.ofMinutes(1)));

            Reply arm = server.arm("GET", vaultPath(newSubscription()) + "/backupJobs", null);
            assertThat(arm.status()).as("ARM takes any bearer token").isEqualTo(200);
        }
    }

    @Test
    void unknownAdminPathIs404AndWrongMethodIs405WithAllow() {
        Reply unknown = shared.admin("GET", ADMIN + "/widgets", null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo("NotFound");
        assertThat(unknown.json().at("/error/message").asText()).contains("/backupmock/admin/widgets", "openapi.json");
        assertThat(shared.admin("GET", ADMIN + "/vaults/" + newSubscription(), null).errorCode()).isEqualTo("NotFound");

        Reply wrong = shared.admin("DELETE", ADMIN + "/vaults", null);
        assertThat(wrong.status()).isEqualTo(405);
        assertThat(wrong.errorCode()).isEqualTo("MethodNotAllowed");
        assertThat(Set.of(wrong.header("Allow").split(",\\s*"))).containsExactlyInAnyOrder("GET", "POST");
        Reply reset = shared.admin("GET", ADMIN + "/reset", null);
        assertThat(reset.status()).isEqualTo(405);
        assertThat(reset.header("Allow")).isEqualTo("POST");
    }

    // ------------------------------------------------------------------ helpers

    private static void assertInvalid(Reply reply, String... inMessage) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(400);
        assertThat(reply.errorCode()).as("%s", reply).isEqualTo("InvalidAdminRequest");
        assertThat(reply.json().at("/error/message").asText()).contains(inMessage);
    }

    private static JsonNode scriptFor(JsonNode scenario, String operation) {
        for (JsonNode script : scenario.path("jobs")) {
            if (script.path("operation").asText().equals(operation)) {
                return script;
            }
        }
        throw new AssertionError("no " + operation + " script in " + scenario);
    }

    private static Map<String, JsonNode> scriptsByOperation(JsonNode scenario) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        scenario.path("jobs").forEach(script -> out.put(script.path("operation").asText(), script));
        return out;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static List<String> pathParams(String template) {
        return Arrays.stream(template.split("/")).filter(s -> s.startsWith("{"))
                .map(s -> s.substring(1, s.length() - 1)).toList();
    }

    private static Set<String> declaredPathParams(JsonNode doc, JsonNode operation) {
        Set<String> out = new HashSet<>();
        for (JsonNode p : operation.path("parameters")) {
            JsonNode param = p;
            if (p.has("$ref")) {
                param = doc.at(p.path("$ref").asText().substring(1));
            }
            if (param.path("in").asText().equals("path")) {
                out.add(param.path("name").asText());
            }
        }
        return out;
    }

    /** A server with its own client; {@code clock} is null on a system-clock server. */
    // ------------------------------------------------------------------ provider states (Pact)

    @Test
    void providerStatesSetUpWhatTheStateSaysAndAnswerTheValuesToInject() {
        Reply set = shared.admin("POST", ADMIN + "/provider-states",
                "{\"state\":\"job {jobId} completed with warnings\",\"params\":{},\"action\":\"setup\"}");
        assertThat(set.status()).isEqualTo(200);
        JsonNode values = set.json();
        String path = "/subscriptions/" + values.path("subscriptionId").asText() + "/resourceGroups/"
                + values.path("resourceGroup").asText() + "/providers/Microsoft.RecoveryServices/vaults/"
                + values.path("vault").asText() + "/backupJobs/" + values.path("jobId").asText();
        Reply job = shared.arm("GET", path, null);
        assertThat(job.status()).isEqualTo(200);
        assertThat(job.json().at("/properties/status").asText()).isEqualTo("CompletedWithWarnings");
        assertThat(shared.admin("POST", ADMIN + "/provider-states",
                "{\"state\":\"job {jobId} completed\",\"action\":\"teardown\"}").status()).isEqualTo(200);
    }

    @Test
    void anUnknownProviderStateIs400ListingTheKnownOnes() {
        Reply bad = shared.admin("POST", ADMIN + "/provider-states", "{\"state\":\"the moon is full\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().at("/error/code").asText()).isEqualTo("InvalidAdminRequest");
        assertThat(bad.json().at("/error/message").asText()).contains("the moon is full", "job {jobId} completed");
    }

    static final class Server implements AutoCloseable {
        final BackupMockServer server;
        final VirtualClock clock;

        Server(Settings settings) {
            this.clock = new VirtualClock(START);
            this.server = BackupMockServer.builder().noHttps().httpPort(0).clock(clock)
                    .settings(settings.toBuilder().validateResponses(true).build()).start();
        }

        Server(BackupMockServer server, VirtualClock clock) {
            this.server = server;
            this.clock = clock;
        }

        String token() {
            String token = server.emulator().settings().adminToken();
            return token == null ? null : "Bearer " + token;
        }

        /** An admin request, with the admin token where the server has one. */
        Reply admin(String method, String pathAndQuery, String body) {
            return admin(method, pathAndQuery, body, token());
        }

        Reply admin(String method, String pathAndQuery, String body, String authorization) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUri() + pathAndQuery))
                    .timeout(Duration.ofSeconds(10))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            return send(request.build());
        }

        /** An ARM request with a bearer token; api-version is added when absent. */
        Reply arm(String method, String pathAndQuery, String body) {
            String url = server.baseUri() + pathAndQuery;
            url += (url.contains("?") ? "&" : "?") + "api-version=" + TestEmulator.API;
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer x")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            return send(request.build());
        }

        Reply send(HttpRequest request) {
            try {
                return new Reply(HTTP.send(request, HttpResponse.BodyHandlers.ofString()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        String vaultAdmin(String subscription) {
            return ADMIN + "/vaults/" + subscription + "/" + RG + "/" + VAULT;
        }

        /** The vaults {@code GET /backupmock/admin/vaults} lists for one subscription (all if null). */
        JsonNode vaults(String subscription) {
            Reply reply = admin("GET", ADMIN + "/vaults" + (subscription == null ? ""
                    : "?subscriptionId=" + URLEncoder.encode(subscription, StandardCharsets.UTF_8)), null);
            assertThat(reply.status()).isEqualTo(200);
            return reply.json();
        }

        /** Triggers a backup of the item through ARM and returns the id of the job it started. */
        String triggerBackup(String subscription, String itemPath) {
            Set<String> before = jobIds(subscription);
            Reply accepted = arm("POST", itemPath + "/backup", BACKUP_BODY);
            assertThat(accepted.status()).as("%s", accepted).isEqualTo(202);
            Set<String> after = jobIds(subscription);
            after.removeAll(before);
            assertThat(after).as("the trigger started one job").hasSize(1);
            return after.iterator().next();
        }

        JsonNode armJob(String subscription, String jobId) {
            Reply reply = arm("GET", vaultPath(subscription) + "/backupJobs/" + jobId, null);
            assertThat(reply.status()).as("%s", reply).isEqualTo(200);
            return reply.json();
        }

        private Set<String> jobIds(String subscription) {
            Set<String> ids = new LinkedHashSet<>();
            for (JsonNode job : admin("GET", vaultAdmin(subscription) + "/jobs", null).json().path("value")) {
                ids.add(job.path("name").asText());
            }
            return ids;
        }

        /**
         * A documented path with real values: {@code subscription}'s vault, declared with the
         * walkthrough's VM, and a job in progress on it.
         */
        String fill(String template, String subscription) {
            if (!template.contains("{")) {
                return template;
            }
            Reply declared = admin("POST", ADMIN + "/vaults", "{\"subscriptionId\": \"" + subscription
                    + "\", \"resourceGroup\": \"" + RG + "\", \"name\": \"" + VAULT
                    + "\", \"items\": [{\"vm\": \"testRG/testVM\"}]}");
            assertThat(declared.status()).as("%s", declared).isEqualTo(201);
            Reply job = admin("POST", vaultAdmin(subscription) + "/jobs",
                    "{\"item\": {\"vm\": \"testRG/testVM\"}, \"script\": {\"duration\": \"PT1H\"}}");
            assertThat(job.status()).as("%s", job).isEqualTo(201);
            return template.replace("{subscriptionId}", subscription).replace("{resourceGroup}", RG)
                    .replace("{vault}", VAULT).replace("{jobId}", job.json().path("name").asText());
        }

        @Override
        public void close() {
            server.close();
        }
    }
}
