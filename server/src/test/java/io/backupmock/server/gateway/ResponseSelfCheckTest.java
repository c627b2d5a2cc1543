package io.backupmock.server.gateway;

import io.backupmock.server.state.Settings;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.backupmock.contracts.Schemas;
import io.backupmock.server.BackupMockServer;
import io.backupmock.server.state.Emulator;
import io.backupmock.server.tenancy.Tenancy;
import io.backupmock.server.wire.Json;
import io.undertow.Undertow;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** With response validation on, a body that breaks its schema never reaches the client: a loud 500 instead. */
class ResponseSelfCheckTest {
    static final String PATH = "subscriptions/{subscriptionId}/broken";

    JsonNode call(boolean validate) throws Exception {
        Emulator emulator = new Emulator(new Tenancy(BackupMockServer.defaultScenario()), Clock.systemUTC(),
                Settings.builder().validateResponses(validate).build());
        Router router = new Router().add("GET", PATH,
                req -> ApiResponse.ok(Json.object().put("id", "op").put("status", 5)), Schemas.OPERATION_STATUS);
        Undertow undertow = Undertow.builder().addHttpListener(0, "127.0.0.1")
                .setHandler(Gateway.handler(emulator, router, new Router(), new Router())).build();
        undertow.start();
        try {
            int port = ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + port + "/subscriptions/00000000-0000-0000-0000-000000000000/broken"
                            + "?api-version=2019-05-13")).header("Authorization", "Bearer t").build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = Json.mapper().readTree(response.body());
            ((com.fasterxml.jackson.databind.node.ObjectNode) body).put("_status", response.statusCode());
            return body;
        } finally {
            undertow.stop();
        }
    }

    @Test
    void aBodyBreakingItsSchemaIsA500NamingTheViolation() throws Exception {
        JsonNode answer = call(true);
        assertThat(answer.get("_status").asInt()).isEqualTo(500);
        assertThat(answer.at("/error/code").asText()).isEqualTo("ResponseSchemaViolation");
        assertThat(answer.at("/error/message").asText()).contains("OperationStatus", "/status");
        assertThat(answer.at("/error/details/0/target").asText()).isEqualTo("/status");
    }

    @Test
    void withoutValidationTheBodyGoesOutAsItIs() throws Exception {
        JsonNode answer = call(false);
        assertThat(answer.get("_status").asInt()).isEqualTo(200);
        assertThat(answer.get("status").asInt()).isEqualTo(5);
    }
}
