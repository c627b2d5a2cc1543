package io.backupmock.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backupmock.server.control.Control;
import io.backupmock.server.clock.VirtualClock;
import io.backupmock.server.gateway.ApiRequest;
import io.backupmock.server.gateway.ApiResponse;
import io.backupmock.server.wire.Json;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * {@code GET /backupmock/admin/clock} and {@code POST /backupmock/admin/clock} with
 * {@code {"advance":"PT5M"}}, {@code {"set":"2026-01-01T00:00:00Z"}} or {@code {"autoAdvance":"PT5S"}};
 * {@code ?subscriptionId=} addresses a subscription's own clock where it has one.
 */
final class AdminClock {
    private final Control control;

    AdminClock(Control control) {
        this.control = control;
    }

    ApiResponse get(ApiRequest req) {
        return ApiResponse.ok(describe(clock(req)));
    }

    ApiResponse post(ApiRequest req) {
        JsonNode body = AdminBodies.tree(req);
        int given = (body.has("advance") ? 1 : 0) + (body.has("set") ? 1 : 0) + (body.has("autoAdvance") ? 1 : 0);
        if (given != 1 || body.size() != 1) {
            throw AdminBodies.invalid("body: give exactly one of advance (a duration), set (an instant) or "
                    + "autoAdvance (a duration)");
        }
        String subscription = req.query("subscriptionId");
        if (body.has("advance")) {
            control.advanceClock(subscription, duration(body, "advance"));
        } else if (body.has("set")) {
            control.setClock(subscription, AdminBodies.instant(body, "set"));
        } else {
            control.autoAdvance(subscription, duration(body, "autoAdvance"));
        }
        return ApiResponse.ok(describe(clock(req)));
    }

    private Clock clock(ApiRequest req) {
        return control.clock(req.query("subscriptionId"));
    }

    private static Duration duration(JsonNode body, String field) {
        try {
            return Duration.parse(body.get(field).asText());
        } catch (DateTimeParseException e) {
            throw AdminBodies.invalid("body." + field + ": not an ISO-8601 duration such as PT5M: " + body.get(field));
        }
    }

    static ObjectNode describe(Clock clock) {
        ObjectNode out = Json.object();
        out.put("instant", clock.instant().toString());
        out.put("mode", clock instanceof VirtualClock ? "virtual" : "system");
        if (clock instanceof VirtualClock virtual) {
            out.put("autoAdvance", virtual.autoAdvanceStep().toString());
        }
        return out;
    }
}
