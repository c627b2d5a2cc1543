package io.backupmock.server.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backupmock.server.state.Emulator;
import io.backupmock.server.gateway.ApiRequest;
import io.backupmock.server.gateway.ApiResponse;
import io.backupmock.server.journal.RecordedRequest;
import io.backupmock.server.wire.Json;
import java.util.List;
import java.util.Map;

/** {@code GET /backupmock/admin/journal[?subscriptionId=&limit=]} and {@code DELETE} (clears). */
final class AdminJournal {
    private final Emulator emulator;

    AdminJournal(Emulator emulator) {
        this.emulator = emulator;
    }

    ApiResponse get(ApiRequest req) {
        String subscription = req.query("subscriptionId");
        List<RecordedRequest> requests = subscription == null ? emulator.journal().all()
                : emulator.journal().find(r -> subscription.equalsIgnoreCase(r.subscriptionId()));
        int limit = limit(req.query("limit"), requests.size());
        ObjectNode body = Json.object();
        body.put("dropped", emulator.journal().dropped());
        ArrayNode out = body.putArray("requests");
        for (RecordedRequest r : requests.subList(requests.size() - limit, requests.size())) {
            out.add(render(r));
        }
        return ApiResponse.ok(body);
    }

    ApiResponse delete(ApiRequest req) {
        String subscription = req.query("subscriptionId");
        if (subscription == null) {
            emulator.journal().clear();
        } else {
            emulator.journal().clear(subscription);
        }
        return ApiResponse.noContent();
    }

    private static int limit(String value, int size) {
        if (value == null) {
            return size;
        }
        try {
            int n = Integer.parseInt(value);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return Math.min(n, size);
        } catch (NumberFormatException e) {
            throw AdminBodies.invalid("limit: a whole number of the latest requests to show, not '" + value + "'");
        }
    }

    static ObjectNode render(RecordedRequest r) {
        ObjectNode n = Json.object();
        n.put("sequence", r.sequence());
        n.put("at", r.at().toString());
        n.put("method", r.method());
        n.put("path", r.rawPath());
        n.put("query", r.rawQuery());
        if (r.subscriptionId() != null) {
            n.put("subscriptionId", r.subscriptionId());
        }
        ObjectNode headers = n.putObject("headers");
        for (Map.Entry<String, List<String>> h : r.headers().entrySet()) {
            headers.put(h.getKey(), String.join(", ", h.getValue()));
        }
        n.put("body", r.body());
        n.put("status", r.status());
        ObjectNode responseHeaders = n.putObject("responseHeaders");
        r.responseHeaders().forEach(responseHeaders::put);
        n.put("responseBody", r.responseBody());
        ArrayNode violations = n.putArray("violations");
        r.violations().forEach(violations::add);
        return n;
    }
}
