package io.backupmock.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.backupmock.server.wire.Json;
import java.net.http.HttpResponse;

/** Turns what a test holds (JSON text, a Jackson node, a map or any bean, an HttpResponse) into a JSON tree. */
final class Payloads {
    private Payloads() {
    }

    static JsonNode toJson(Object payload) {
        if (payload == null) {
            return null;
        }
        if (payload instanceof JsonNode node) {
            return node;
        }
        if (payload instanceof HttpResponse<?> response) {
            return toJson(response.body());
        }
        if (payload instanceof CharSequence text) {
            try {
                return Json.mapper().readTree(text.toString());
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage() + "\n" + text, e);
            }
        }
        if (payload instanceof byte[] bytes) {
            return toJson(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
        }
        return Json.mapper().valueToTree(payload);
    }
}
