package io.backupmock.server.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.backupmock.server.wire.Json;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ApiResponseTest {
    @Test
    void aBodyRenderedBeforeIsSentAsItIsAndReadBackAsATree() {
        byte[] json = "{\"name\":\"job-1\",\"properties\":{\"status\":\"Completed\"}}".getBytes(StandardCharsets.UTF_8);
        ApiResponse response = ApiResponse.ok(json);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.hasBody()).isTrue();
        assertThat(response.bodyBytes()).isSameAs(json);
        assertThat(response.body()).isEqualTo(Json.object().put("name", "job-1")
                .set("properties", Json.object().put("status", "Completed")));
    }

    @Test
    void aTreeIsRenderedWhenSentAndNoBodyIsNone() {
        ApiResponse tree = ApiResponse.ok(Json.object().put("a", 1));
        assertThat(tree.hasBody()).isTrue();
        assertThat(new String(tree.bodyBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");

        ApiResponse none = ApiResponse.noContent();
        assertThat(none.hasBody()).isFalse();
        assertThat(none.body()).isNull();
        assertThat(none.bodyBytes()).isNull();
    }
}
