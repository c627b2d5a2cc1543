package io.backupmock.server.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.backupmock.server.control.Control;
import io.backupmock.server.gateway.ApiRequest;
import io.backupmock.server.gateway.ApiResponse;
import io.backupmock.server.jobs.JobRule;
import io.backupmock.server.jobs.Scenario;
import io.backupmock.server.wire.Json;

/**
 * {@code GET|PUT /backupmock/admin/scenario} (the default scripts; PUT lays the body over the
 * defaults the server started with) and {@code GET|POST|DELETE /backupmock/admin/rules}.
 */
final class AdminScenario {
    private final Control control;

    AdminScenario(Control control) {
        this.control = control;
    }

    ApiResponse getScenario(ApiRequest req) {
        return ApiResponse.ok(Json.mapper().valueToTree(control.emulator().tenancy().scenario()));
    }

    ApiResponse putScenario(ApiRequest req) {
        Scenario overrides = AdminBodies.read(req, Scenario.class);
        return ApiResponse.ok(Json.mapper().valueToTree(control.scenario(overrides)));
    }

    ApiResponse getRules(ApiRequest req) {
        return ApiResponse.ok(Json.mapper().valueToTree(control.emulator().tenancy().rules()));
    }

    ApiResponse postRule(ApiRequest req) {
        JobRule rule = AdminBodies.read(req, JobRule.class);
        ArrayNode all = Json.mapper().valueToTree(control.addRule(rule));
        return ApiResponse.json(201, all);
    }

    ApiResponse deleteRules(ApiRequest req) {
        control.clearRules();
        return ApiResponse.noContent();
    }
}
