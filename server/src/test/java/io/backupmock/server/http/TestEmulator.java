package io.backupmock.server.http;

import io.backupmock.server.state.Settings;
import com.fasterxml.jackson.databind.JsonNode;
import io.backupmock.server.BackupMockServer;
import io.backupmock.server.clock.VirtualClock;
import io.backupmock.server.wire.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An emulator on a free port with a virtual clock, and a small client for it; as a
 * {@code @RegisterExtension} field, one per test class. Each test takes a
 * fresh subscription, so tests share one server without seeing each other's vaults.
 */
final class TestEmulator implements AutoCloseable, AfterAllCallback {
    static final String API = "2019-05-13";
    static final String CONTAINER = "IaasVMContainer;iaasvmcontainerv2;testRG;testVM";
    static final String ITEM = "VM;iaasvmcontainerv2;testRG;testVM";

    final VirtualClock clock = new VirtualClock(Instant.parse("2026-11-25T08:00:00Z"));
    final BackupMockServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    TestEmulator() {
        this(Settings.DEFAULTS);
    }

    /** Every response is checked against its schema: the project's own tests run the self-check throughout. */
    TestEmulator(Settings settings) {
        server = BackupMockServer.builder().noHttps().httpPort(0).clock(clock)
                .settings(settings.toBuilder().validateResponses(true).build()).start();
    }

    static String newSubscription() {
        return UUID.randomUUID().toString();
    }

    static String vaultPath(String subscription) {
        return "/subscriptions/" + subscription + "/resourceGroups/testVaultRG/providers/Microsoft.RecoveryServices"
                + "/vaults/testVault";
    }

    static String itemPath(String subscription) {
        return vaultPath(subscription) + "/backupFabrics/Azure/protectionContainers/" + CONTAINER + "/protectedItems/"
                + ITEM;
    }

    /** Sends {@code method path} (path may carry a query; api-version is added when absent) with a bearer token. */
    Reply send(String method, String pathAndQuery, String body) {
        String url = pathAndQuery.startsWith("http") ? pathAndQuery : server.baseUri() + pathAndQuery;
        if (!url.contains("api-version=")) {
            url += (url.contains("?") ? "&" : "?") + "api-version=" + API;
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer test-token")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return send(request.build());
    }

    Reply send(HttpRequest request) {
        try {
            return new Reply(http.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Reply get(String pathAndQuery) {
        return send("GET", pathAndQuery, null);
    }

    /** Triggers a backup of the walkthrough's VM and returns the 202. */
    Reply triggerBackup(String subscription) {
        return send("POST", itemPath(subscription) + "/backup", "{\"properties\":{\"objectType\":\"IaasVMBackupRequest\"}}");
    }

    /** Triggers a backup, lets its operation finish and returns the job id. */
    String backupJob(String subscription) {
        Reply accepted = triggerBackup(subscription);
        clock.advance(Duration.ofSeconds(2));
        return get(accepted.header("Azure-AsyncOperation")).json().at("/properties/jobId").asText();
    }

    @Override
    public void close() {
        server.close();
    }

    /** Registered with {@code @RegisterExtension}, a class's emulator stops after its last test. */
    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    /** A response, with its body parsed on demand. */
    record Reply(HttpResponse<String> response) {
        int status() {
            return response.statusCode();
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        String body() {
            return response.body();
        }

        JsonNode json() {
            try {
                return Json.mapper().readTree(response.body());
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + response.body(), e);
            }
        }

        String errorCode() {
            return json().at("/error/code").asText();
        }

        @Override
        public String toString() {
            return response.statusCode() + " " + response.body();
        }
    }
}
