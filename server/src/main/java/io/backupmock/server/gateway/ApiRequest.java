package io.backupmock.server.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.backupmock.contracts.Schemas;
import io.backupmock.contracts.Violation;
import io.backupmock.server.wire.Json;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One request as operations see it: path parameters, query, body, the instant it is served at
 * (every state in one answer is read at that same instant) and how to build absolute URLs back to
 * this emulator, from the request's own scheme and Host.
 */
public final class ApiRequest {
    private final String method;
    private final RequestTarget target;
    private final Map<String, String> params;
    private final byte[] body;
    /** Worked out when asked (for a Location or a nextLink): most requests never ask. */
    private final Supplier<String> baseUrl;
    private final Instant now;
    private final Function<String, String> headers;

    public ApiRequest(String method, RequestTarget target, Map<String, String> params, byte[] body, String baseUrl,
                      Instant now) {
        this(method, target, params, body, baseUrl, now, name -> null);
    }

    /** @param headers a request header's first value by (case-insensitive) name, or null when absent */
    public ApiRequest(String method, RequestTarget target, Map<String, String> params, byte[] body, String baseUrl,
                      Instant now, Function<String, String> headers) {
        this(method, target, params, body, () -> baseUrl, now, headers);
    }

    ApiRequest(String method, RequestTarget target, Map<String, String> params, byte[] body, Supplier<String> baseUrl,
               Instant now, Function<String, String> headers) {
        this.headers = headers;
        this.method = method;
        this.target = target;
        this.params = params;
        this.body = body;
        this.baseUrl = baseUrl;
        this.now = now;
    }

    public String method() {
        return method;
    }

    /** A path parameter by its name in the route template, e.g. {@code jobName}. */
    public String param(String name) {
        String v = params.get(name);
        if (v == null) {
            throw new IllegalStateException("no path parameter " + name);
        }
        return v;
    }

    public String query(String name) {
        return target.query(name);
    }

    /** A request header's first value, or null; only routes outside ARM's front door are given headers. */
    public String header(String name) {
        return headers.apply(name);
    }

    public String apiVersion() {
        return target.query("api-version");
    }

    public Instant now() {
        return now;
    }

    public String baseUrl() {
        return baseUrl.get();
    }

    /** Absolute URL of {@code path} on this emulator, carrying this request's api-version. */
    public String url(String path) {
        return baseUrl() + path + "?api-version=" + apiVersion();
    }

    public boolean hasBody() {
        return body.length > 0;
    }

    /** The raw body (empty if none). */
    public byte[] bodyBytes() {
        return body;
    }

    /** The body as JSON; 400 InvalidRequestContent when it is missing or not JSON. */
    public JsonNode json() {
        if (body.length == 0) {
            throw ApiError.badRequest("InvalidRequestContent",
                    "The request content was invalid and could not be deserialized: the body is empty.");
        }
        try {
            JsonNode node = Json.mapper().readTree(body);
            if (node == null || !node.isObject()) {
                throw ApiError.badRequest("InvalidRequestContent",
                        "The request content was invalid and could not be deserialized: expected a JSON object.");
            }
            return node;
        } catch (IOException e) {
            throw ApiError.badRequest("InvalidRequestContent",
                    "The request content was invalid and could not be deserialized: "
                            + firstLine(e.getMessage()));
        }
    }

    /**
     * The body as JSON that conforms to {@code schema}; 400 BMSUserErrorInvalidInput otherwise, with
     * one {@code details} entry per violation, its {@code target} a JSON pointer into the body.
     */
    public JsonNode json(Schemas schema) {
        JsonNode node = json();
        List<Violation> violations = schema.validate(node);
        if (!violations.isEmpty()) {
            ApiError error = ApiError.invalidInput("Invalid input: the body is not a valid " + schema.definition()
                    + " (" + violations.size() + (violations.size() == 1 ? " violation" : " violations")
                    + "): " + violations.get(0).pointer() + " " + violations.get(0).message());
            for (Violation v : violations) {
                error.detail(new ApiError.Detail("InvalidInput", v.pointer(), v.message()));
            }
            throw error.violations(violations.stream().map(Violation::toString).toList());
        }
        return node;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "malformed JSON.";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
