package io.backupmock.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backupmock.server.gateway.ApiRequest;
import io.backupmock.server.gateway.ApiResponse;
import io.backupmock.server.wire.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** {@code GET /backupmock/admin} (an index) and {@code GET /backupmock/admin/openapi.json} (the OpenAPI document). */
final class AdminDocs {
    ApiResponse openApi(ApiRequest req) {
        return ApiResponse.ok(OpenApi.DOCUMENT);
    }

    /** Holder: the document is read on its first request, not at every start (nothing changes it). */
    private static final class OpenApi {
        static final JsonNode DOCUMENT = read();

        private static JsonNode read() {
            try (InputStream in = AdminDocs.class.getResourceAsStream("openapi.json")) {
                if (in == null) {
                    throw new IllegalStateException("the admin API's openapi.json is missing from the jar");
                }
                return Json.mapper().readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException("the admin API's openapi.json does not parse", e);
            }
        }
    }

    ApiResponse index(ApiRequest req) {
        ObjectNode body = Json.object();
        body.put("openapi", req.baseUrl() + AdminApi.PREFIX + "/openapi.json");
        ObjectNode links = body.putObject("resources");
        for (String r : new String[] {"vaults", "scenario", "rules", "clock", "journal", "faults", "reset", "provider-states"}) {
            links.put(r, req.baseUrl() + AdminApi.PREFIX + "/" + r);
        }
        return ApiResponse.ok(body);
    }
}
