package io.backupmock.server.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.backupmock.server.BackupMockServer;
import io.backupmock.server.wire.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small client of an emulator that may be stopped and started again: paths go to whichever runs now. */
final class StateClient {
    static final String API = "2019-05-13";
    static final String CONTAINER = "IaasVMContainer;iaasvmcontainerv2;testRG;testVM";
    static final String ITEM = "VM;iaasvmcontainerv2;testRG;testVM";
    static final String BACKUP = "{\"properties\":{\"objectType\":\"IaasVMBackupRequest\"}}";
    static final String ADMIN = "/backupmock/admin";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    String base;

    StateClient(String base) {
        this.base = base;
    }

    StateClient(BackupMockServer server) {
        this(server.baseUri().toString());
    }

    void use(BackupMockServer server) {
        base = server.baseUri().toString();
    }

    static String vault(String sub) {
        return "/subscriptions/" + sub + "/resourceGroups/testVaultRG/providers/Microsoft.RecoveryServices/vaults/testVault";
    }

    static String item(String sub) {
        return vault(sub) + "/backupFabrics/Azure/protectionContainers/" + CONTAINER + "/protectedItems/" + ITEM;
    }

    static String vaultAdmin(String sub) {
        return ADMIN + "/vaults/" + sub + "/testVaultRG/testVault";
    }

    /** The path and query of an absolute URL the emulator handed out, to send to whichever emulator runs now. */
    static String pathOf(String url) {
        URI uri = URI.create(url);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    Reply send(String method, String pathAndQuery, String body) {
        String path = pathAndQuery.startsWith("http") ? pathOf(pathAndQuery) : pathAndQuery;
        String url = base + path;
        if (!path.startsWith(ADMIN) && !url.contains("api-version=")) {
            url += (url.contains("?") ? "&" : "?") + "api-version=" + API;
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer test-token")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            return new Reply(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Reply get(String path) {
        return send("GET", path, null);
    }

    record Reply(HttpResponse<String> response) {
        int status() {
            return response.statusCode();
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        JsonNode json() {
            try {
                return Json.mapper().readTree(response.body());
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + response.body(), e);
            }
        }

        @Override
        public String toString() {
            return response.statusCode() + " " + response.body();
        }
    }
}
