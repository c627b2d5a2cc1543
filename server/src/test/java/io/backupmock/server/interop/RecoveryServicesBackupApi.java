package io.backupmock.server.interop;

import com.azure.core.annotation.BodyParam;
import com.azure.core.annotation.ExpectedResponses;
import com.azure.core.annotation.Get;
import com.azure.core.annotation.HeaderParam;
import com.azure.core.annotation.Host;
import com.azure.core.annotation.HostParam;
import com.azure.core.annotation.PathParam;
import com.azure.core.annotation.Post;
import com.azure.core.annotation.QueryParam;
import com.azure.core.annotation.ServiceInterface;
import com.azure.core.annotation.UnexpectedResponseExceptionType;
import com.azure.core.http.rest.Response;
import com.azure.core.management.exception.ManagementException;
import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/**
 * The job-tracking operations of Microsoft.RecoveryServices as the Azure SDK for Java's code
 * generator declares them (the generated azure-resourcemanager-recoveryservicesbackup is not
 * used, so the test depends on azure-core alone): azure-core's {@code RestProxy} implements it,
 * and failures surface as {@link ManagementException}.
 */
@Host("{$host}")
@ServiceInterface(name = "RecoveryServicesBackupInterop")
public interface RecoveryServicesBackupApi {
    String VAULT = "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}"
            + "/providers/Microsoft.RecoveryServices/vaults/{vaultName}";
    String ITEM = VAULT + "/backupFabrics/{fabricName}/protectionContainers/{containerName}"
            + "/protectedItems/{protectedItemName}";

    /** Backups_Trigger. */
    @Post(ITEM + "/backup")
    @ExpectedResponses({202})
    @UnexpectedResponseExceptionType(ManagementException.class)
    Response<BinaryData> backup(@HostParam("$host") String endpoint, @PathParam("subscriptionId") String subscriptionId,
            @PathParam("resourceGroupName") String resourceGroup, @PathParam("vaultName") String vault,
            @PathParam("fabricName") String fabric, @PathParam("containerName") String container,
            @PathParam("protectedItemName") String item, @QueryParam("api-version") String apiVersion,
            @BodyParam("application/json") BinaryData body, @HeaderParam("Accept") String accept, Context context);

    /** Restores_Trigger. */
    @Post(ITEM + "/recoveryPoints/{recoveryPointId}/restore")
    @ExpectedResponses({202})
    @UnexpectedResponseExceptionType(ManagementException.class)
    Response<BinaryData> restore(@HostParam("$host") String endpoint,
            @PathParam("subscriptionId") String subscriptionId,
            @PathParam("resourceGroupName") String resourceGroup, @PathParam("vaultName") String vault,
            @PathParam("fabricName") String fabric, @PathParam("containerName") String container,
            @PathParam("protectedItemName") String item, @PathParam("recoveryPointId") String recoveryPoint,
            @QueryParam("api-version") String apiVersion, @BodyParam("application/json") BinaryData body,
            @HeaderParam("Accept") String accept, Context context);

    /** JobDetails_Get. */
    @Get(VAULT + "/backupJobs/{jobName}")
    @ExpectedResponses({200})
    @UnexpectedResponseExceptionType(ManagementException.class)
    Response<JobResource> job(@HostParam("$host") String endpoint, @PathParam("subscriptionId") String subscriptionId,
            @PathParam("resourceGroupName") String resourceGroup, @PathParam("vaultName") String vault,
            @PathParam("jobName") String jobId, @QueryParam("api-version") String apiVersion,
            @HeaderParam("Accept") String accept, Context context);

    /** BackupJobs_List, first page. */
    @Get(VAULT + "/backupJobs")
    @ExpectedResponses({200})
    @UnexpectedResponseExceptionType(ManagementException.class)
    Response<JobResourceList> list(@HostParam("$host") String endpoint,
            @PathParam("subscriptionId") String subscriptionId,
            @PathParam("resourceGroupName") String resourceGroup, @PathParam("vaultName") String vault,
            @QueryParam("api-version") String apiVersion, @QueryParam("$filter") String filter,
            @HeaderParam("Accept") String accept, Context context);

    /** BackupJobs_List, a later page: nextLink as the service wrote it, as generated clients follow it. */
    @Get("{nextLink}")
    @ExpectedResponses({200})
    @UnexpectedResponseExceptionType(ManagementException.class)
    Response<JobResourceList> listNext(@PathParam(value = "nextLink", encoded = true) String nextLink,
            @HostParam("$host") String endpoint, @HeaderParam("Accept") String accept, Context context);

    /** JobCancellations_Trigger. */
    @Post(VAULT + "/backupJobs/{jobName}/cancel")
    @ExpectedResponses({202})
    @UnexpectedResponseExceptionType(ManagementException.class)
    Response<BinaryData> cancel(@HostParam("$host") String endpoint, @PathParam("subscriptionId") String subscriptionId,
            @PathParam("resourceGroupName") String resourceGroup, @PathParam("vaultName") String vault,
            @PathParam("jobName") String jobId, @QueryParam("api-version") String apiVersion,
            @HeaderParam("Accept") String accept, Context context);

    /** OperationStatus, as read at Azure-AsyncOperation. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    final class OperationStatus {
        public String id;
        public String name;
        public String status;
        public String startTime;
        public String endTime;
        public Map<String, String> properties;
        public Map<String, String> error;
    }

    /** JobResource. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    final class JobResource {
        public String id;
        public String name;
        public String type;
        public Job properties;
    }

    /** The job's properties used here (AzureIaaSVMJob). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    final class Job {
        public String jobType;
        public String entityFriendlyName;
        public String backupManagementType;
        public String operation;
        public String status;
        public String startTime;
        public String endTime;
        public String duration;
        public List<String> actionsInfo;
        public ExtendedInfo extendedInfo;
    }

    /** AzureIaaSVMJobExtendedInfo, in part. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    final class ExtendedInfo {
        public List<Map<String, Object>> tasksList;
        public Double progressPercentage;
    }

    /** JobResourceList. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    final class JobResourceList {
        public List<JobResource> value;
        public String nextLink;
    }
}
