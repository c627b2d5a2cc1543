package io.backupmock.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.backupmock.server.config.ConfigException;
import io.backupmock.server.config.ConfigLoader;
import io.backupmock.server.gateway.ApiError;
import io.backupmock.server.gateway.ApiRequest;
import io.backupmock.server.wire.Json;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reading admin request bodies into the configuration types, all or nothing: a bad body changes nothing. */
final class AdminBodies {
    private AdminBodies() {
    }

    static <T> T read(ApiRequest req, Class<T> type) {
        requireBody(req);
        try {
            return ConfigLoader.readJson(req.bodyBytes(), type, "body");
        } catch (ConfigException e) {
            throw invalid(e.getMessage());
        }
    }

    /** A JSON array, each element read as {@code element}; the message names the element and field at fault. */
    static <T> List<T> readList(ApiRequest req, Class<T> element) {
        requireBody(req);
        JsonNode tree;
        try {
            tree = Json.mapper().readTree(req.bodyBytes());
        } catch (IOException e) {
            throw invalid("body: not valid JSON: " + firstLine(e.getMessage()));
        }
        if (tree == null || !tree.isArray()) {
            throw invalid("body: expected a JSON array");
        }
        List<T> out = new ArrayList<>(tree.size());
        for (int i = 0; i < tree.size(); i++) {
            try {
                out.add(ConfigLoader.readJson(Json.mapper().writeValueAsBytes(tree.get(i)), element, "body[" + i + "]"));
            } catch (ConfigException e) {
                throw invalid(e.getMessage());
            } catch (IOException e) {
                throw invalid("body[" + i + "]: " + e.getMessage());
            }
        }
        return out;
    }

    static JsonNode tree(ApiRequest req) {
        requireBody(req);
        try {
            JsonNode node = Json.mapper().readTree(req.bodyBytes());
            if (node == null || !node.isObject()) {
                throw invalid("body: expected a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw invalid("body: not valid JSON: " + firstLine(e.getMessage()));
        }
    }

    static Instant instant(JsonNode node, String field) {
        try {
            return Instant.parse(node.get(field).asText());
        } catch (RuntimeException e) {
            throw invalid("body." + field + ": not an ISO-8601 instant such as 2026-01-01T00:00:00Z: "
                    + node.get(field));
        }
    }

    static ApiError invalid(String message) {
        return ApiError.badRequest("InvalidAdminRequest", message);
    }

    private static void requireBody(ApiRequest req) {
        if (!req.hasBody()) {
            throw invalid("body: required");
        }
    }

    private static String firstLine(String s) {
        int nl = s == null ? -1 : s.indexOf('\n');
        return s == null ? "" : nl < 0 ? s : s.substring(0, nl);
    }
}
