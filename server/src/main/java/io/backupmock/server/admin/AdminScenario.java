package io.backupmock.server.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.backupmock.server.Emulator;
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
    private final Emulator emulator;

    AdminScenario(Emulator emulator) {
        this.emulator = emulator;
    }

    ApiResponse getScenario(ApiRequest req) {
        return ApiResponse.ok(Json.mapper().valueToTree(emulator.tenancy().scenario()));
    }

    ApiResponse putScenario(ApiRequest req) {
        Scenario overrides = AdminBodies.read(req, Scenario.class);
        Scenario merged = emulator.tenancy().initialScenario().overriddenBy(overrides);
        emulator.tenancy().scenario(merged);
        return ApiResponse.ok(Json.mapper().valueToTree(merged));
    }

    ApiResponse getRules(ApiRequest req) {
        return ApiResponse.ok(Json.mapper().valueToTree(emulator.tenancy().rules()));
    }

    ApiResponse postRule(ApiRequest req) {
        JobRule rule = AdminBodies.read(req, JobRule.class);
        emulator.tenancy().addRule(rule);
        ArrayNode all = Json.mapper().valueToTree(emulator.tenancy().rules());
        return ApiResponse.json(201, all);
    }

    ApiResponse deleteRules(ApiRequest req) {
        emulator.tenancy().clearRules();
        return ApiResponse.noContent();
    }
}
