package io.backupmock.server.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backupmock.server.wire.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/** What an operation answers: a status, headers, and a JSON body or none. */
public final class ApiResponse {
    private final int status;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final JsonNode body;

    private ApiResponse(int status, JsonNode body) {
        this.status = status;
        this.body = body;
    }

    public static ApiResponse ok(JsonNode body) {
        return new ApiResponse(200, body);
    }

    public static ApiResponse json(int status, JsonNode body) {
        return new ApiResponse(status, body);
    }

    /** 202 with no body: the caller adds Location, Azure-AsyncOperation and Retry-After. */
    public static ApiResponse accepted() {
        return new ApiResponse(202, null);
    }

    public static ApiResponse noContent() {
        return new ApiResponse(204, null);
    }

    public static ApiResponse error(ApiError e) {
        ObjectNode body = Json.object();
        ObjectNode error = body.putObject("error");
        error.put("code", e.code());
        error.put("message", e.getMessage());
        ApiResponse r = new ApiResponse(e.status(), body);
        r.headers.putAll(e.headers());
        return r;
    }

    public ApiResponse header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public JsonNode body() {
        return body;
    }
}
