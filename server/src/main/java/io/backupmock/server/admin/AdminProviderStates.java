package io.backupmock.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.backupmock.server.control.Control;
import io.backupmock.server.control.ControlException;
import io.backupmock.server.pact.ProviderStates;
import io.backupmock.server.gateway.ApiRequest;
import io.backupmock.server.gateway.ApiResponse;
import io.backupmock.server.wire.Json;
import java.util.Map;

/**
 * {@code POST /backupmock/admin/provider-states}: the state-change URL for Pact verifiers of any
 * language. Body {@code {"state": "...", "params": {...}, "action": "setup"|"teardown"}}; a set-up
 * answers the values to inject ({@code subscriptionId}, {@code jobId}, …). Unless the params name a
 * subscription, each set-up gets a fresh one with its own virtual clock.
 */
final class AdminProviderStates {
    private final Control control;

    AdminProviderStates(Control control) {
        this.control = control;
    }

    ApiResponse post(ApiRequest req) {
        JsonNode body = AdminBodies.tree(req);
        String action = body.path("action").asText("setup");
        if (action.equalsIgnoreCase("teardown")) {
            return ApiResponse.ok(Json.object());
        }
        if (!action.equalsIgnoreCase("setup")) {
            throw AdminBodies.invalid("body.action: 'setup' or 'teardown', not '" + action + "'");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> params = body.has("params") && body.get("params").isObject()
                ? Json.mapper().convertValue(body.get("params"), Map.class) : Map.of();
        try {
            Map<String, Object> values = ProviderStates.setUp(control, body.path("state").asText(null), params, null);
            return ApiResponse.ok(Json.mapper().valueToTree(values));
        } catch (ControlException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw AdminBodies.invalid("body." + e.getMessage());
        }
    }
}
