package io.backupmock.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.backupmock.server.wire.Json;
import java.net.http.HttpResponse;

/** Turns what a test holds (JSON text, a Jackson node, a map, bytes, an HttpResponse, a TestJob) into a JSON tree. */
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
        if (payload instanceof TestJob job) {
            return job.json();
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
        if (payload instanceof java.util.Map<?, ?> || payload instanceof Iterable<?>) {
            return Json.mapper().valueToTree(payload);
        }
        throw new IllegalArgumentException("a payload is JSON text, a JsonNode, a Map, UTF-8 bytes, an "
                + "HttpResponse with one of those as its body, or a TestJob; not a " + payload.getClass().getName());
    }
}
