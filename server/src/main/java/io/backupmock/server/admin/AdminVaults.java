package io.backupmock.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backupmock.server.state.Emulator;
import io.backupmock.server.control.Control;
import io.backupmock.server.config.EmulatorConfig.ItemConfig;
import io.backupmock.server.config.EmulatorConfig.VaultConfig;
import io.backupmock.server.gateway.ApiRequest;
import io.backupmock.server.gateway.ApiResponse;
import io.backupmock.server.jobs.Job;
import io.backupmock.server.jobs.JobErrorDetail;
import io.backupmock.server.jobs.JobScript;
import io.backupmock.server.tenancy.Vault;
import io.backupmock.server.tracking.AsyncOperation;
import io.backupmock.server.wire.JobRenderer;
import io.backupmock.server.wire.Json;
import io.backupmock.server.wire.OperationRenderer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Vaults and what is in them: {@code /backupmock/admin/vaults} (list, declare) and, under
 * {@code /backupmock/admin/vaults/{subscriptionId}/{resourceGroup}/{vault}}: {@code jobs} (list,
 * create), {@code jobs/{jobId}/fail}, {@code nextJobs} (list, queue) and {@code operations}.
 */
final class AdminVaults {
    private final Control control;
    private final Emulator emulator;

    AdminVaults(Control control) {
        this.control = control;
        this.emulator = control.emulator();
    }

    /** The body of {@code POST …/jobs}: a script, optionally on an item. */
    record NewJob(ItemConfig item, JobScript script) {
        NewJob {
            if (script == null) {
                throw new IllegalArgumentException("script is required");
            }
        }
    }

    /** The body of {@code POST …/jobs/{jobId}/fail}. */
    record Failure(List<JobErrorDetail> errorDetails) {
        Failure {
            errorDetails = errorDetails == null ? List.of() : List.copyOf(errorDetails);
        }
    }

    ApiResponse list(ApiRequest req) {
        String subscription = req.query("subscriptionId");
        List<Vault> vaults = subscription == null ? emulator.tenancy().vaults()
                : emulator.tenancy().vaults(subscription);
        ArrayNode out = Json.array();
        vaults.forEach(v -> out.add(describe(v)));
        return ApiResponse.ok(out);
    }

    ApiResponse declare(ApiRequest req) {
        return ApiResponse.json(201, describe(control.declareVault(AdminBodies.read(req, VaultConfig.class))));
    }

    ApiResponse jobs(ApiRequest req) {
        Vault vault = vault(req);
        Instant now = now(vault);
        ObjectNode body = Json.object();
        ArrayNode value = body.putArray("value");
        for (Job job : vault.jobs().all()) {
            value.add(JobRenderer.render(vault, job.at(now), true));
        }
        return ApiResponse.ok(body);
    }

    ApiResponse createJob(ApiRequest req) {
        // The body is read before the vault is looked up, which (outside strict mode) creates it.
        NewJob body = AdminBodies.read(req, NewJob.class);
        Job job = control.createJob(req.param("subscriptionId"), req.param("resourceGroup"), req.param("vault"),
                body.item(), body.script());
        Vault vault = vault(req);
        return ApiResponse.json(201, JobRenderer.render(vault, job.at(now(vault)), true));
    }

    ApiResponse failJob(ApiRequest req) {
        Failure failure = AdminBodies.read(req, Failure.class);
        Vault vault = vault(req);
        Job job = control.failJob(vault, req.param("jobId"), failure.errorDetails());
        return ApiResponse.ok(JobRenderer.render(vault, job.at(now(vault)), true));
    }

    ApiResponse nextJobs(ApiRequest req) {
        ObjectNode body = Json.object();
        body.set("nextJobs", Json.mapper().valueToTree(vault(req).queuedNextJobs()));
        return ApiResponse.ok(body);
    }

    ApiResponse queueNextJobs(ApiRequest req) {
        List<JobScript> scripts = AdminBodies.readList(req, JobScript.class);
        Vault vault = vault(req);
        control.queueNextJobs(vault, scripts);
        ObjectNode body = Json.object();
        body.set("nextJobs", Json.mapper().valueToTree(vault.queuedNextJobs()));
        return ApiResponse.ok(body);
    }

    ApiResponse operations(ApiRequest req) {
        Vault vault = vault(req);
        Instant now = now(vault);
        List<AsyncOperation> ops = new ArrayList<>(vault.operations());
        ops.sort((a, b) -> a.id().compareTo(b.id()));
        ObjectNode body = Json.object();
        ArrayNode value = body.putArray("value");
        for (AsyncOperation op : ops) {
            ObjectNode n = value.addObject();
            n.put("kind", op.kind().name());
            if (op.job() != null) {
                n.put("jobId", op.job().id());
            }
            n.set("status", OperationRenderer.status(op.at(now)));
        }
        return ApiResponse.ok(body);
    }

    ApiResponse reset(ApiRequest req) {
        String subscription = req.query("subscriptionId");
        if (subscription == null) {
            control.reset();
        } else {
            control.forget(subscription);
        }
        return ApiResponse.noContent();
    }

    private Vault vault(ApiRequest req) {
        return control.existingVault(req.param("subscriptionId"), req.param("resourceGroup"), req.param("vault"));
    }

    private Instant now(Vault vault) {
        return emulator.clockFor(vault.subscriptionId()).instant();
    }

    private JsonNode describe(Vault vault) {
        Instant now = now(vault);
        ObjectNode n = Json.object();
        n.put("subscriptionId", vault.subscriptionId());
        n.put("resourceGroup", vault.resourceGroup());
        n.put("name", vault.name());
        n.put("path", vault.path());
        AdminItems.describe(n.putArray("items"), vault, now);
        n.put("jobs", vault.jobs().size());
        n.set("nextJobs", Json.mapper().valueToTree(vault.queuedNextJobs()));
        return n;
    }
}
