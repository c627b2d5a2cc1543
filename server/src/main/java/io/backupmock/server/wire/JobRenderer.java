package io.backupmock.server.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backupmock.server.jobs.JobErrorDetail;
import io.backupmock.server.jobs.JobSnapshot;
import io.backupmock.server.jobs.JobStatus;
import io.backupmock.server.jobs.JobType;
import io.backupmock.server.jobs.TaskSnapshot;
import io.backupmock.server.tenancy.Vault;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Renders a job as a JobResource, with the fields of its {@code jobType} subtype as the spec lists
 * them. List entries leave out {@code extendedInfo}, as Azure's job lists do.
 *
 * <p>Two ways, giving the same bytes: {@link #render} builds a tree (for answers assembled as
 * trees, and what the self-check reads), {@link #write} streams the same fields in the same order
 * straight to a generator, with no tree in between: what a poller's GET of a running job and a job
 * list page are made with. {@code JobRendererTest} holds the two to the same bytes for every job
 * type, status and part.
 */
public final class JobRenderer {
    public static final String RESOURCE_TYPE = "Microsoft.RecoveryServices/vaults/backupJobs";

    private JobRenderer() {
    }

    public static ObjectNode render(Vault vault, JobSnapshot job, boolean withExtendedInfo) {
        ObjectNode resource = Json.object();
        resource.put("id", vault.path() + "/backupJobs/" + job.id());
        resource.put("name", job.id());
        resource.put("type", RESOURCE_TYPE);
        resource.set("properties", properties(job, withExtendedInfo));
        return resource;
    }

    private static ObjectNode properties(JobSnapshot job, boolean withExtendedInfo) {
        JobType type = job.job().jobType();
        ObjectNode p = Json.object();
        p.put("jobType", type.name());
        p.put("entityFriendlyName", job.job().subject().entityFriendlyName());
        p.put("backupManagementType", job.job().subject().backupManagementType().name());
        p.put("operation", job.job().operation().name());
        p.put("status", job.status().name());
        p.put("startTime", WireFormats.instant(job.startTime()));
        if (job.endTime() != null) {
            p.put("endTime", WireFormats.instant(job.endTime()));
        }
        p.put("activityId", job.job().activityId());
        p.put("duration", WireFormats.duration(job.duration()));
        if (job.cancellable()) {
            p.putArray("actionsInfo").add("Cancellable");
        }
        String container = job.job().subject().containerName();
        String workload = job.job().subject().workloadType();
        switch (type) {
            case AzureIaaSVMJob, AzureIaaSVMJobV2 -> {
                p.put("virtualMachineVersion", "Compute");
                putIfSet(p, "containerName", container);
                if (type == JobType.AzureIaaSVMJob) {
                    p.put("isUserTriggered", true);
                }
            }
            case AzureStorageJob -> {
                putIfSet(p, "storageAccountName", lastPart(container));
                p.put("storageAccountVersion", "Storage");
                p.put("isUserTriggered", true);
            }
            case AzureWorkloadJob -> putIfSet(p, "workloadType", workload);
            case DpmJob -> {
                putIfSet(p, "dpmServerName", lastPart(container));
                putIfSet(p, "containerName", container);
                putIfSet(p, "workloadType", workload);
            }
            case MabJob -> {
                putIfSet(p, "mabServerName", lastPart(container));
                p.put("mabServerType", "Windows");
                putIfSet(p, "workloadType", workload);
            }
            case VaultJob -> { }
        }
        if (!job.errorDetails().isEmpty()) {
            p.set("errorDetails", errorDetails(type, job));
        }
        if (withExtendedInfo) {
            p.set("extendedInfo", extendedInfo(type, job));
        }
        return p;
    }

    private static ArrayNode errorDetails(JobType type, JobSnapshot job) {
        boolean hasCode = type != JobType.DpmJob && type != JobType.MabJob;
        boolean hasTitle = type == JobType.AzureIaaSVMJob || type == JobType.AzureIaaSVMJobV2
                || type == JobType.AzureWorkloadJob;
        ArrayNode out = Json.array();
        for (JobErrorDetail e : job.errorDetails()) {
            ObjectNode n = out.addObject();
            if (hasCode && e.errorCode() != null) {
                n.put("errorCode", e.errorCode());
            }
            if (hasTitle && e.errorTitle() != null) {
                n.put("errorTitle", e.errorTitle());
            }
            putIfSet(n, "errorString", e.errorString());
            ArrayNode recs = n.putArray("recommendations");
            e.recommendations().forEach(recs::add);
        }
        return out;
    }

    private static ObjectNode extendedInfo(JobType type, JobSnapshot job) {
        ObjectNode info = Json.object();
        if (type != JobType.VaultJob) {
            ArrayNode tasks = info.putArray("tasksList");
            for (TaskSnapshot t : job.tasks()) {
                ObjectNode n = tasks.addObject();
                n.put("taskId", t.taskId());
                n.put("status", t.status());
                if (type == JobType.AzureStorageJob || type == JobType.AzureWorkloadJob) {
                    continue;
                }
                if (t.startTime() != null) {
                    n.put("startTime", WireFormats.instant(t.startTime()));
                }
                if (t.endTime() != null) {
                    n.put("endTime", WireFormats.instant(t.endTime()));
                }
                n.put("duration", WireFormats.duration(t.duration()));
                if (type == JobType.AzureIaaSVMJob || type == JobType.AzureIaaSVMJobV2) {
                    n.put("progressPercentage", t.progressPercentage());
                }
            }
        }
        ObjectNode bag = info.putObject("propertyBag");
        if (type == JobType.AzureIaaSVMJob || type == JobType.AzureIaaSVMJobV2) {
            bag.put("VM Name", job.job().subject().entityFriendlyName());
        }
        for (Map.Entry<String, String> e : job.job().script().propertyBag().entrySet()) {
            bag.put(e.getKey(), e.getValue());
        }
        if (type == JobType.AzureIaaSVMJob || type == JobType.AzureIaaSVMJobV2) {
            info.put("progressPercentage", job.progressPercentage());
        }
        if (job.status() == JobStatus.Failed && !job.errorDetails().isEmpty()
                && job.errorDetails().get(0).errorString() != null) {
            info.put("dynamicErrorMessage", job.errorDetails().get(0).errorString());
        }
        return info;
    }

    /** A JobResource's UTF-8 JSON, streamed: the bytes {@code Json.bytes(render(vault, job, withExtendedInfo))} gives. */
    public static byte[] bytes(Vault vault, JobSnapshot job, boolean withExtendedInfo) {
        return Json.write(g -> write(g, vault, job, withExtendedInfo));
    }

    /**
     * A page of a job list ({@code {"value":[…],"nextLink":…}}, list entries without extendedInfo),
     * streamed: the bytes its tree would give.
     */
    public static byte[] listBytes(Vault vault, List<JobSnapshot> jobs, String nextLink) {
        return Json.write(g -> {
            g.writeStartObject();
            g.writeFieldName("value");
            g.writeStartArray();
            for (JobSnapshot job : jobs) {
                write(g, vault, job, false);
            }
            g.writeEndArray();
            if (nextLink != null) {
                g.writeStringField("nextLink", nextLink);
            }
            g.writeEndObject();
        });
    }

    /** Writes a JobResource: the same fields, in the same order, as {@link #render}. */
    public static void write(JsonGenerator g, Vault vault, JobSnapshot job, boolean withExtendedInfo)
            throws IOException {
        write(g, vault, job, withExtendedInfo, null);
    }

    /** As {@link #write(JsonGenerator, Vault, JobSnapshot, boolean)}, telling {@code holes} (if any) where the clock's values go. */
    static void write(JsonGenerator g, Vault vault, JobSnapshot job, boolean withExtendedInfo,
                      JobTemplate.Recorder holes) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", vault.path() + "/backupJobs/" + job.id());
        g.writeStringField("name", job.id());
        g.writeStringField("type", RESOURCE_TYPE);
        g.writeFieldName("properties");
        writeProperties(g, job, withExtendedInfo, holes);
        g.writeEndObject();
    }

    private static void writeProperties(JsonGenerator g, JobSnapshot job, boolean withExtendedInfo,
                                        JobTemplate.Recorder holes) throws IOException {
        JobType type = job.job().jobType();
        g.writeStartObject();
        g.writeStringField("jobType", type.name());
        writeString(g, "entityFriendlyName", job.job().subject().entityFriendlyName());
        g.writeStringField("backupManagementType", job.job().subject().backupManagementType().name());
        g.writeStringField("operation", job.job().operation().name());
        g.writeStringField("status", job.status().name());
        g.writeStringField("startTime", WireFormats.instant(job.startTime()));
        if (job.endTime() != null) {
            g.writeStringField("endTime", WireFormats.instant(job.endTime()));
        }
        writeString(g, "activityId", job.job().activityId());
        g.writeFieldName("duration");
        writeDuration(g, job.duration(), holes, JobTemplate.Hole.JOB_DURATION, -1);
        if (job.cancellable()) {
            g.writeFieldName("actionsInfo");
            g.writeStartArray();
            g.writeString("Cancellable");
            g.writeEndArray();
        }
        String container = job.job().subject().containerName();
        String workload = job.job().subject().workloadType();
        switch (type) {
            case AzureIaaSVMJob, AzureIaaSVMJobV2 -> {
                g.writeStringField("virtualMachineVersion", "Compute");
                writeIfSet(g, "containerName", container);
                if (type == JobType.AzureIaaSVMJob) {
                    g.writeBooleanField("isUserTriggered", true);
                }
            }
            case AzureStorageJob -> {
                writeIfSet(g, "storageAccountName", lastPart(container));
                g.writeStringField("storageAccountVersion", "Storage");
                g.writeBooleanField("isUserTriggered", true);
            }
            case AzureWorkloadJob -> writeIfSet(g, "workloadType", workload);
            case DpmJob -> {
                writeIfSet(g, "dpmServerName", lastPart(container));
                writeIfSet(g, "containerName", container);
                writeIfSet(g, "workloadType", workload);
            }
            case MabJob -> {
                writeIfSet(g, "mabServerName", lastPart(container));
                g.writeStringField("mabServerType", "Windows");
                writeIfSet(g, "workloadType", workload);
            }
            case VaultJob -> { }
        }
        if (!job.errorDetails().isEmpty()) {
            g.writeFieldName("errorDetails");
            writeErrorDetails(g, type, job);
        }
        if (withExtendedInfo) {
            g.writeFieldName("extendedInfo");
            writeExtendedInfo(g, type, job, holes);
        }
        g.writeEndObject();
    }

    private static void writeErrorDetails(JsonGenerator g, JobType type, JobSnapshot job) throws IOException {
        boolean hasCode = type != JobType.DpmJob && type != JobType.MabJob;
        boolean hasTitle = type == JobType.AzureIaaSVMJob || type == JobType.AzureIaaSVMJobV2
                || type == JobType.AzureWorkloadJob;
        g.writeStartArray();
        for (JobErrorDetail e : job.errorDetails()) {
            g.writeStartObject();
            if (hasCode && e.errorCode() != null) {
                g.writeNumberField("errorCode", e.errorCode());
            }
            if (hasTitle && e.errorTitle() != null) {
                g.writeStringField("errorTitle", e.errorTitle());
            }
            writeIfSet(g, "errorString", e.errorString());
            g.writeFieldName("recommendations");
            g.writeStartArray();
            for (String r : e.recommendations()) {
                g.writeString(r);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void writeExtendedInfo(JsonGenerator g, JobType type, JobSnapshot job, JobTemplate.Recorder holes)
            throws IOException {
        g.writeStartObject();
        if (type != JobType.VaultJob) {
            g.writeFieldName("tasksList");
            g.writeStartArray();
            List<TaskSnapshot> tasks = job.tasks();
            for (int i = 0; i < tasks.size(); i++) {
                TaskSnapshot t = tasks.get(i);
                g.writeStartObject();
                writeString(g, "taskId", t.taskId());
                writeString(g, "status", t.status());
                if (type != JobType.AzureStorageJob && type != JobType.AzureWorkloadJob) {
                    if (t.startTime() != null) {
                        g.writeStringField("startTime", WireFormats.instant(t.startTime()));
                    }
                    if (t.endTime() != null) {
                        g.writeStringField("endTime", WireFormats.instant(t.endTime()));
                    }
                    g.writeFieldName("duration");
                    writeDuration(g, t.duration(), holes, JobTemplate.Hole.TASK_DURATION, i);
                    if (type == JobType.AzureIaaSVMJob || type == JobType.AzureIaaSVMJobV2) {
                        g.writeFieldName("progressPercentage");
                        writeProgress(g, t.progressPercentage(), holes, JobTemplate.Hole.TASK_PROGRESS, i);
                    }
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        // A property bag's names are unique, the VM's name first: as the tree's object keeps them.
        g.writeFieldName("propertyBag");
        g.writeStartObject();
        boolean vm = type == JobType.AzureIaaSVMJob || type == JobType.AzureIaaSVMJobV2;
        Map<String, String> bag = job.job().script().propertyBag();
        if (vm) {
            String vmName = bag.containsKey("VM Name") ? bag.get("VM Name") : job.job().subject().entityFriendlyName();
            writeString(g, "VM Name", vmName);
        }
        for (Map.Entry<String, String> e : bag.entrySet()) {
            if (!(vm && e.getKey().equals("VM Name"))) {
                writeString(g, e.getKey(), e.getValue());
            }
        }
        g.writeEndObject();
        if (vm) {
            g.writeFieldName("progressPercentage");
            writeProgress(g, job.progressPercentage(), holes, JobTemplate.Hole.JOB_PROGRESS, -1);
        }
        if (job.status() == JobStatus.Failed && !job.errorDetails().isEmpty()
                && job.errorDetails().get(0).errorString() != null) {
            g.writeStringField("dynamicErrorMessage", job.errorDetails().get(0).errorString());
        }
        g.writeEndObject();
    }

    /** A value that moves with the clock: where it goes is told to {@code holes}, if any. */
    private static void writeDuration(JsonGenerator g, Duration d, JobTemplate.Recorder holes,
                                      JobTemplate.Hole hole, int task) throws IOException {
        if (holes != null) {
            holes.begin(g);
        }
        g.writeString(WireFormats.duration(d));
        if (holes != null) {
            holes.end(g, hole, task);
        }
    }

    private static void writeProgress(JsonGenerator g, double percent, JobTemplate.Recorder holes,
                                      JobTemplate.Hole hole, int task) throws IOException {
        if (holes != null) {
            holes.begin(g);
        }
        g.writeNumber(percent);
        if (holes != null) {
            holes.end(g, hole, task);
        }
    }

    /** A string field, or {@code null} as the tree writes a null put in it. */
    private static void writeString(JsonGenerator g, String field, String value) throws IOException {
        g.writeFieldName(field);
        if (value == null) {
            g.writeNull();
        } else {
            g.writeString(value);
        }
    }

    private static void writeIfSet(JsonGenerator g, String field, String value) throws IOException {
        if (value != null) {
            g.writeStringField(field, value);
        }
    }

    private static String lastPart(String name) {
        return name == null ? null : name.substring(name.lastIndexOf(';') + 1);
    }

    private static void putIfSet(ObjectNode n, String field, String value) {
        if (value != null) {
            n.put(field, value);
        }
    }
}
