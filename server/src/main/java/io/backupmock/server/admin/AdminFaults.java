package io.backupmock.server.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backupmock.server.state.Emulator;
import io.backupmock.server.control.Control;
import io.backupmock.server.faults.Fault;
import io.backupmock.server.faults.Faults;
import io.backupmock.server.gateway.ApiRequest;
import io.backupmock.server.gateway.ApiResponse;
import io.backupmock.server.wire.Json;

/** {@code GET|POST|DELETE /backupmock/admin/faults}: list (with counts and the seed), add one, clear all. */
final class AdminFaults {
    private final Control control;
    private final Emulator emulator;

    AdminFaults(Control control) {
        this.control = control;
        this.emulator = control.emulator();
    }

    ApiResponse get(ApiRequest req) {
        ObjectNode body = Json.object();
        body.put("seed", emulator.faults().seed());
        ArrayNode faults = body.putArray("faults");
        for (Faults.Armed armed : emulator.faults().pending()) {
            ObjectNode n = faults.addObject();
            n.set("fault", Json.mapper().valueToTree(armed.fault()));
            n.put("matched", armed.matched());
            n.put("fired", armed.fired());
        }
        return ApiResponse.ok(body);
    }

    ApiResponse post(ApiRequest req) {
        Fault fault = AdminBodies.read(req, Fault.class);
        control.addFault(fault);
        return ApiResponse.json(201, Json.mapper().valueToTree(fault));
    }

    ApiResponse delete(ApiRequest req) {
        control.clearFaults(null);
        return ApiResponse.noContent();
    }
}
