package io.backupmock.server.wire;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backupmock.server.jobs.JobErrorDetail;
import io.backupmock.server.jobs.JobSnapshot;
import io.backupmock.server.jobs.JobStatus;
import io.backupmock.server.jobs.JobType;
import io.backupmock.server.jobs.TaskSnapshot;
import io.backupmock.server.tenancy.Vault;
import java.util.Map;

/**
 * Renders a job as a JobResource, with the fields of its {@code jobType} subtype as the spec lists
 * them. List entries leave out {@code extendedInfo}, as Azure's job lists do.
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

    private static String lastPart(String name) {
        return name == null ? null : name.substring(name.lastIndexOf(';') + 1);
    }

    private static void putIfSet(ObjectNode n, String field, String value) {
        if (value != null) {
            n.put(field, value);
        }
    }
}
