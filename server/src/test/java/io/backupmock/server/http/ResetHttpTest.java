package io.backupmock.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.backupmock.server.BackupMockServer;
import io.backupmock.server.config.ConfigLoader;
import io.backupmock.server.config.EmulatorConfig;
import io.backupmock.server.wire.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code POST /backupmock/admin/reset} takes a virtual clock back to its configured start. */
class ResetHttpTest {
    static final HttpClient HTTP = HttpClient.newHttpClient();

    static JsonNode post(BackupMockServer server, String path, String body) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUri() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isLessThan(300);
        return r.body().isEmpty() ? null : Json.mapper().readTree(r.body());
    }

    static JsonNode clock(BackupMockServer server) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUri() + "/backupmock/admin/clock"))
                .build(), HttpResponse.BodyHandlers.ofString());
        return Json.mapper().readTree(r.body());
    }

    @Test
    void resetTakesAVirtualClockBackToItsConfiguredStartAndStep() throws Exception {
        EmulatorConfig config = ConfigLoader.readJson(("{\"clock\": {\"mode\": \"virtual\", "
                + "\"start\": \"2026-11-25T08:00:00Z\", \"autoAdvance\": \"PT5S\"}}").getBytes(StandardCharsets.UTF_8),
                EmulatorConfig.class, "config");
        try (BackupMockServer server = BackupMockServer.builder().noHttps().httpPort(0).config(config).start()) {
            post(server, "/backupmock/admin/clock", "{\"advance\": \"PT1H\"}");
            post(server, "/backupmock/admin/clock", "{\"autoAdvance\": \"PT1M\"}");
            assertThat(clock(server).get("instant").asText()).isEqualTo("2026-11-25T09:00:00Z");

            post(server, "/backupmock/admin/reset", "");
            JsonNode after = clock(server);
            assertThat(after.get("instant").asText()).isEqualTo("2026-11-25T08:00:00Z");
            assertThat(after.toString()).contains("PT5S").doesNotContain("PT1M");
        }
    }
}
