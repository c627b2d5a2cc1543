package io.backupmock.server.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backupmock.contracts.Schemas;
import io.backupmock.server.wire.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What an operation answers: a status, headers, and a JSON body or none. */
public final class ApiResponse {
    private final int status;
    /** Made when the first header is added: most answers have none beyond what the gateway sets. */
    private Map<String, String> headers;
    private final JsonNode body;
    private final byte[] rendered;
    private Schemas schema;
    private List<String> violations = List.of();
    private boolean conforms;
    private boolean notCloudError;

    private ApiResponse(int status, JsonNode body) {
        this(status, body, null);
    }

    private ApiResponse(int status, JsonNode body, byte[] rendered) {
        this.status = status;
        this.body = body;
        this.rendered = rendered;
    }

    public static ApiResponse ok(JsonNode body) {
        return new ApiResponse(200, body);
    }

    /** 200 with a JSON body already rendered to bytes (streamed, or kept), which are sent as they are. */
    public static ApiResponse ok(byte[] json) {
        return new ApiResponse(200, null, json);
    }

    public static ApiResponse json(int status, JsonNode body) {
        return new ApiResponse(status, body);
    }

    /**
     * A body in a protocol other than ARM's, whose failures are not CloudErrors: the managed-identity
     * token endpoint answers OAuth errors ({@code {"error":"invalid_request","error_description":…}}).
     */
    public static ApiResponse foreign(int status, JsonNode body) {
        ApiResponse r = new ApiResponse(status, body);
        r.notCloudError = true;
        return r;
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
        if (!e.details().isEmpty()) {
            var details = error.putArray("details");
            for (ApiError.Detail d : e.details()) {
                ObjectNode n = details.addObject();
                n.put("code", d.code());
                n.put("target", d.target());
                n.put("message", d.message());
            }
        }
        ApiResponse r = new ApiResponse(e.status(), body);
        if (!e.headers().isEmpty()) {
            r.headers().putAll(e.headers());
        }
        r.violations = e.violations();
        return r;
    }

    public ApiResponse header(String name, String value) {
        headers().put(name, value);
        return this;
    }

    /** The schema this response's body must conform to (CloudError for every failure), or null when none applies. */
    public Schemas schema() {
        return status >= 400 && !notCloudError ? Schemas.ERROR_RESPONSE : schema;
    }

    /** Sets the schema of a success body. */
    ApiResponse schema(Schemas value) {
        this.schema = value;
        return this;
    }

    /** Marks a body already checked against its schema (bytes kept and checked once), so the self-check skips it. */
    public ApiResponse conforming() {
        this.conforms = true;
        return this;
    }

    boolean conforms() {
        return conforms;
    }

    /** Schema violations in the request body or in the emulator's own answer that this response reports. */
    public List<String> violations() {
        return violations;
    }

    public int status() {
        return status;
    }

    public Map<String, String> headers() {
        if (headers == null) {
            headers = new LinkedHashMap<>();
        }
        return headers;
    }

    /** Whether any header was added. */
    public boolean hasHeaders() {
        return headers != null && !headers.isEmpty();
    }

    public boolean hasBody() {
        return body != null || rendered != null;
    }

    /** The body as a tree (read back from its bytes if it was rendered before), or null when there is none. */
    public JsonNode body() {
        if (body != null || rendered == null) {
            return body;
        }
        try {
            return Json.mapper().readTree(rendered);
        } catch (IOException e) {
            throw new UncheckedIOException("a rendered body does not parse", e);
        }
    }

    /** The body as UTF-8 JSON (rendered now, or as it was before), or null when there is none. */
    public byte[] bodyBytes() {
        return rendered != null ? rendered : body == null ? null : Json.bytes(body);
    }
}
