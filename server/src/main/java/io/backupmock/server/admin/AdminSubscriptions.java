package io.backupmock.server.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backupmock.server.state.Emulator;
import io.backupmock.server.gateway.ApiRequest;
import io.backupmock.server.gateway.ApiResponse;
import io.backupmock.server.tenancy.SubscriptionIds;
import io.backupmock.server.jobs.Job;
import io.backupmock.server.jobs.JobErrorDetail;
import io.backupmock.server.jobs.JobSnapshot;
import io.backupmock.server.jobs.TaskScript;
import io.backupmock.server.jobs.TaskSnapshot;
import io.backupmock.server.journal.RecordedRequest;
import io.backupmock.server.tenancy.Vault;
import io.backupmock.server.tracking.AsyncOperation;
import io.backupmock.server.tracking.OperationState;
import io.backupmock.server.wire.Json;
import io.backupmock.server.wire.OperationRenderer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one subscription holds, in one answer: {@code GET /backupmock/admin/subscriptions} (every
 * subscription with vaults or journaled requests, with counts) and
 * {@code GET /backupmock/admin/subscriptions/{subscriptionId}} (its clock, and each vault's items,
 * jobs with the timeline of their tasks, and operations, as they are now).
 */
final class AdminSubscriptions {
    private static final Comparator<Vault> BY_NAME = Comparator
            .comparing((Vault v) -> v.resourceGroup().toLowerCase(Locale.ROOT))
            .thenComparing(v -> v.name().toLowerCase(Locale.ROOT));

    private final Emulator emulator;

    AdminSubscriptions(Emulator emulator) {
        this.emulator = emulator;
    }

    /** Counts of one subscription, gathered from the tenancy and the journal. */
    private static final class Tally {
        final String subscriptionId;
        int vaults;
        int jobs;
        int requests;
        long lastSequence;

        Tally(String subscriptionId) {
            this.subscriptionId = subscriptionId;
        }
    }

    ApiResponse list(ApiRequest req) {
        Map<String, Tally> tallies = new TreeMap<>();
        for (Vault vault : emulator.tenancy().vaults()) {
            Tally t = tallies.computeIfAbsent(vault.subscriptionId().toLowerCase(Locale.ROOT),
                    k -> new Tally(vault.subscriptionId()));
            t.vaults++;
            t.jobs += vault.jobs().size();
        }
        for (RecordedRequest r : emulator.journal().find(r -> r.subscriptionId() != null)) {
            Tally t = tallies.computeIfAbsent(r.subscriptionId().toLowerCase(Locale.ROOT),
                    k -> new Tally(r.subscriptionId()));
            t.requests++;
            t.lastSequence = Math.max(t.lastSequence, r.sequence());
        }
        ObjectNode body = Json.object();
        ArrayNode value = body.putArray("value");
        for (Tally t : tallies.values()) {
            ObjectNode n = value.addObject();
            n.put("subscriptionId", t.subscriptionId);
            n.put("vaults", t.vaults);
            n.put("jobs", t.jobs);
            n.put("requests", t.requests);
            n.put("lastSequence", t.lastSequence);
        }
        return ApiResponse.ok(body);
    }

    ApiResponse get(ApiRequest req) {
        String subscription = req.param("subscriptionId");
        if (!SubscriptionIds.isGuid(subscription)) {
            throw AdminBodies.invalid("subscriptionId: must be a GUID, not '" + subscription + "'");
        }
        Instant now = emulator.clockFor(subscription).instant();
        ObjectNode body = Json.object();
        body.put("subscriptionId", subscription);
        body.set("clock", AdminClock.describe(emulator.clockFor(subscription)));
        ArrayNode vaults = body.putArray("vaults");
        List<Vault> sorted = new ArrayList<>(emulator.tenancy().vaults(subscription));
        sorted.sort(BY_NAME);
        for (Vault vault : sorted) {
            vaults.add(vault(vault, now));
        }
        return ApiResponse.ok(body);
    }

    private static ObjectNode vault(Vault vault, Instant now) {
        ObjectNode n = Json.object();
        n.put("resourceGroup", vault.resourceGroup());
        n.put("name", vault.name());
        n.put("path", vault.path());
        AdminItems.describe(n.putArray("items"), vault, now);
        List<Job> jobs = new ArrayList<>(vault.jobs().all());
        jobs.sort(Comparator.comparing(Job::startTime).reversed().thenComparing(Job::id));
        ArrayNode jobList = n.putArray("jobs");
        for (Job job : jobs) {
            jobList.add(timeline(job, job.at(now)));
        }
        List<OperationState> ops = new ArrayList<>();
        for (AsyncOperation op : vault.operations()) {
            ops.add(op.at(now));
        }
        ops.sort(Comparator.comparing(OperationState::startTime).reversed()
                .thenComparing(s -> s.operation().id()));
        ArrayNode opList = n.putArray("operations");
        for (OperationState state : ops) {
            ObjectNode o = opList.addObject();
            o.put("kind", state.operation().kind().name());
            if (state.operation().job() != null) {
                o.put("jobId", state.operation().job().id());
            }
            o.set("status", OperationRenderer.status(state));
        }
        return n;
    }

    /** A job now, with each task's planned span (from its script) beside what it has done so far. */
    static ObjectNode timeline(Job job, JobSnapshot now) {
        ObjectNode n = Json.object();
        n.put("id", job.id());
        n.put("operation", job.operation().name());
        n.put("jobType", job.jobType().name());
        n.put("entityFriendlyName", job.subject().entityFriendlyName());
        n.put("backupManagementType", job.subject().backupManagementType().name());
        n.put("status", now.status().name());
        n.put("startTime", now.startTime().toString());
        if (now.endTime() != null) {
            n.put("endTime", now.endTime().toString());
        }
        n.put("endsAt", job.endsAt().toString());
        n.put("duration", now.duration().toString());
        n.put("progressPercentage", now.progressPercentage());
        n.put("cancellable", now.cancellable());
        ArrayNode tasks = n.putArray("tasks");
        Instant plannedStart = job.startTime();
        List<TaskScript> scripts = job.script().tasks();
        for (int i = 0; i < now.tasks().size(); i++) {
            TaskSnapshot t = now.tasks().get(i);
            ObjectNode task = tasks.addObject();
            task.put("taskId", t.taskId());
            task.put("status", t.status());
            if (i < scripts.size()) {
                Instant plannedEnd = plannedStart.plus(scripts.get(i).duration());
                task.put("plannedStart", plannedStart.toString());
                task.put("plannedEnd", plannedEnd.toString());
                plannedStart = plannedEnd;
            }
            if (t.startTime() != null) {
                task.put("startTime", t.startTime().toString());
            }
            if (t.endTime() != null) {
                task.put("endTime", t.endTime().toString());
            }
            task.put("duration", t.duration().toString());
            task.put("progressPercentage", t.progressPercentage());
        }
        ObjectNode bag = n.putObject("propertyBag");
        new TreeMap<>(job.script().propertyBag()).forEach(bag::put);
        ArrayNode errors = n.putArray("errorDetails");
        for (JobErrorDetail e : now.errorDetails()) {
            errors.add(Json.mapper().valueToTree(e));
        }
        return n;
    }
}
