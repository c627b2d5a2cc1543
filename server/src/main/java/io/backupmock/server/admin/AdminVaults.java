package io.backupmock.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backupmock.server.Emulator;
import io.backupmock.server.config.EmulatorConfig.ItemConfig;
import io.backupmock.server.config.EmulatorConfig.VaultConfig;
import io.backupmock.server.gateway.ApiError;
import io.backupmock.server.gateway.ApiRequest;
import io.backupmock.server.gateway.ApiResponse;
import io.backupmock.server.gateway.Subscriptions;
import io.backupmock.server.jobs.Job;
import io.backupmock.server.jobs.JobErrorDetail;
import io.backupmock.server.jobs.JobOperation;
import io.backupmock.server.jobs.JobScript;
import io.backupmock.server.tenancy.ItemKind;
import io.backupmock.server.tenancy.ProtectedItem;
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
    private final Emulator emulator;

    AdminVaults(Emulator emulator) {
        this.emulator = emulator;
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
        VaultConfig config = AdminBodies.read(req, VaultConfig.class);
        for (int i = 0; i < config.items().size(); i++) {
            if (ItemKind.ofItemName(config.items().get(i).name()) == null) {
                throw AdminBodies.invalid("body.items[" + i + "].name: '" + config.items().get(i).name()
                        + "' is not a protected item name Azure Backup uses, such as VM;iaasvmcontainerv2;rg;vm");
            }
        }
        Instant now = emulator.clockFor(config.subscriptionId()).instant();
        Vault vault = emulator.tenancy().vault(config.subscriptionId(), config.resourceGroup(), config.name());
        for (ItemConfig item : config.items()) {
            vault.declareItem(item.fabric(), item.container(), item.name(), item.protectionState(), item.policyId(),
                    now);
        }
        vault.queueNextJobs(config.nextJobs());
        return ApiResponse.json(201, describe(vault));
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
        // The body is checked before the vault is looked up, which (outside strict mode) creates it.
        NewJob body = AdminBodies.read(req, NewJob.class);
        if (body.item() != null && ItemKind.ofItemName(body.item().name()) == null) {
            throw AdminBodies.invalid("body.item.name: '" + body.item().name()
                    + "' is not a protected item name Azure Backup uses, such as VM;iaasvmcontainerv2;rg;vm");
        }
        Vault vault = vault(req);
        Instant now = now(vault);
        ProtectedItem item = null;
        if (body.item() != null) {
            item = vault.item(body.item().fabric(), body.item().container(), body.item().name(), now);
            if (item == null) {
                throw AdminBodies.invalid("body.item: vault " + vault.name() + " has no item "
                        + body.item().name() + (emulator.tenancy().strict() ? " (declare it first)" : ""));
            }
        }
        JobScript script = body.script();
        JobOperation operation = script.operation() != null ? script.operation() : JobOperation.Backup;
        Job job = vault.startJob(operation, script, item, now);
        return ApiResponse.json(201, JobRenderer.render(vault, job.at(now), true));
    }

    ApiResponse failJob(ApiRequest req) {
        Failure failure = AdminBodies.read(req, Failure.class);
        Vault vault = vault(req);
        Job job = vault.jobs().find(req.param("jobId"));
        if (job == null) {
            throw ApiError.notFound("ResourceNotFound", "vault " + vault.name() + " has no job " + req.param("jobId"));
        }
        Instant now = now(vault);
        if (!job.fail(now, failure.errorDetails())) {
            throw new ApiError(409, "JobNotRunning", "job " + job.id() + " is " + job.at(now).status()
                    + "; only a job in progress can be failed");
        }
        return ApiResponse.ok(JobRenderer.render(vault, job.at(now), true));
    }

    ApiResponse nextJobs(ApiRequest req) {
        ObjectNode body = Json.object();
        body.set("nextJobs", Json.mapper().valueToTree(vault(req).queuedNextJobs()));
        return ApiResponse.ok(body);
    }

    ApiResponse queueNextJobs(ApiRequest req) {
        List<JobScript> scripts = AdminBodies.readList(req, JobScript.class);
        Vault vault = vault(req);
        vault.queueNextJobs(scripts);
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
            emulator.reset();
        } else {
            emulator.forget(subscription);
        }
        return ApiResponse.noContent();
    }

    private Vault vault(ApiRequest req) {
        String subscription = req.param("subscriptionId");
        if (!Subscriptions.isGuid(subscription)) {
            throw AdminBodies.invalid("subscriptionId: must be a GUID, not '" + subscription + "'");
        }
        Vault vault = emulator.tenancy().find(subscription, req.param("resourceGroup"),
                req.param("vault"));
        if (vault == null) {
            throw ApiError.notFound("ResourceNotFound", "no vault " + req.param("resourceGroup") + "/"
                    + req.param("vault") + " in subscription " + req.param("subscriptionId")
                    + "; declare it with POST /backupmock/admin/vaults");
        }
        return vault;
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
        ArrayNode items = n.putArray("items");
        for (ProtectedItem item : vault.items()) {
            ObjectNode i = items.addObject();
            i.put("fabric", item.fabricName());
            i.put("container", item.containerName());
            i.put("name", item.name());
            i.put("protectionState", item.protectionState(now).name());
            i.put("policyId", item.policyId());
        }
        n.put("jobs", vault.jobs().size());
        n.set("nextJobs", Json.mapper().valueToTree(vault.queuedNextJobs()));
        return n;
    }
}
