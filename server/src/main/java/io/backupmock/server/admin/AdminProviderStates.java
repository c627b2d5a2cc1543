package io.backupmock.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.backupmock.server.Emulator;
import io.backupmock.server.clock.VirtualClock;
import io.backupmock.server.gateway.ApiRequest;
import io.backupmock.server.gateway.ApiResponse;
import io.backupmock.server.pact.ProviderStates;
import io.backupmock.server.wire.Json;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/**
 * {@code POST /backupmock/admin/provider-states}: the state-change URL for Pact verifiers of any
 * language. Body {@code {"state": "...", "params": {...}, "action": "setup"|"teardown"}}; a set-up
 * answers the values to inject ({@code subscriptionId}, {@code jobId}, …). Unless the params name a
 * subscription, each set-up gets a fresh one with its own virtual clock.
 */
final class AdminProviderStates {
    private final Emulator emulator;

    AdminProviderStates(Emulator emulator) {
        this.emulator = emulator;
    }

    ApiResponse post(ApiRequest req) {
        JsonNode body = AdminBodies.tree(req);
        String state = body.path("state").asText(null);
        if (state == null || state.isBlank()) {
            throw AdminBodies.invalid("body.state: required, one of: " + String.join("; ", ProviderStates.ALL));
        }
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
        String subscription = params.containsKey("subscriptionId") ? String.valueOf(params.get("subscriptionId"))
                : UUID.randomUUID().toString();
        Clock clock = emulator.clockFor(subscription);
        if (!(clock instanceof VirtualClock)) {
            emulator.useClock(subscription, new VirtualClock(clock.instant()));
        }
        try {
            Map<String, Object> values = new ProviderStates(emulator, subscription).setUp(state, params);
            return ApiResponse.ok(Json.mapper().valueToTree(values));
        } catch (IllegalArgumentException e) {
            throw AdminBodies.invalid("body: " + e.getMessage());
        }
    }
}
