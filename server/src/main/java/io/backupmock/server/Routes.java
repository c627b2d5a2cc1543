package io.backupmock.server;

import io.backupmock.server.state.Emulator;

import io.backupmock.contracts.Schemas;
import io.backupmock.server.admin.AdminApi;
import io.backupmock.server.control.Control;
import io.backupmock.server.gateway.Router;
import io.backupmock.server.identity.ManagedIdentityEndpoint;
import io.backupmock.server.operations.BackupJobsList;
import io.backupmock.server.operations.BackupOperationResultsGet;
import io.backupmock.server.operations.BackupOperationStatusesGet;
import io.backupmock.server.operations.BackupProtectedItemsList;
import io.backupmock.server.operations.BackupProtectionContainersList;
import io.backupmock.server.operations.BackupsTrigger;
import io.backupmock.server.operations.ExportBlobGet;
import io.backupmock.server.operations.ExportJobsOperationResultsGet;
import io.backupmock.server.operations.JobCancellationsTrigger;
import io.backupmock.server.operations.JobDetailsGet;
import io.backupmock.server.operations.JobOperationResultsGet;
import io.backupmock.server.operations.JobsExport;
import io.backupmock.server.operations.ProtectedItemOperationResultsGet;
import io.backupmock.server.operations.ProtectedItemOperationStatusesGet;
import io.backupmock.server.operations.ProtectedItemsCreateOrUpdate;
import io.backupmock.server.operations.ProtectedItemsDelete;
import io.backupmock.server.operations.ProtectedItemsGet;
import io.backupmock.server.operations.RestoresTrigger;
import io.backupmock.server.operations.SubscriptionsGet;
import io.backupmock.server.operations.SubscriptionsList;
import io.backupmock.server.operations.TenantsList;

/** The Azure Backup operations the emulator serves, one route per spec operationId, paths as in the spec. */
final class Routes {
    static final String VAULT = "subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}"
            + "/providers/Microsoft.RecoveryServices/vaults/{vaultName}";
    static final String ITEM = VAULT + "/backupFabrics/{fabricName}/protectionContainers/{containerName}"
            + "/protectedItems/{protectedItemName}";

    private Routes() {
    }

    /**
     * Served without the front door's bearer token and api-version checks: where export blob URLs
     * point, the managed-identity token endpoint, and ARM's own resources (subscriptions, tenants),
     * which check the token and ARM's own api-versions themselves.
     */
    static Router outsideArm(Emulator e) {
        ManagedIdentityEndpoint identity = new ManagedIdentityEndpoint();
        return new Router().add("GET", ExportBlobGet.PATH, new ExportBlobGet(e), Schemas.JOB_RESOURCE_LIST)
                .add("GET", ManagedIdentityEndpoint.PATH, identity, null)
                .add("POST", ManagedIdentityEndpoint.PATH, identity, null)
                .add("GET", SubscriptionsList.PATH, new SubscriptionsList(e), null)
                .add("GET", SubscriptionsGet.PATH, new SubscriptionsGet(e), null)
                .add("GET", TenantsList.PATH, new TenantsList(e), null);
    }

    /** The admin API under {@code /backupmock/admin}. */
    static Router admin(Control control) {
        return AdminApi.routes(control);
    }

    static Router build(Emulator e) {
        return new Router()
                .add("GET", ITEM, new ProtectedItemsGet(e), Schemas.PROTECTED_ITEM_RESOURCE)
                .add("PUT", ITEM, new ProtectedItemsCreateOrUpdate(e), null)
                .add("DELETE", ITEM, new ProtectedItemsDelete(e), null)
                .add("POST", ITEM + "/backup", new BackupsTrigger(e), null)
                .add("POST", ITEM + "/recoveryPoints/{recoveryPointId}/restore", new RestoresTrigger(e), null)
                .add("GET", ITEM + "/operationsStatus/{operationId}", new ProtectedItemOperationStatusesGet(e),
                        Schemas.OPERATION_STATUS)
                .add("GET", ITEM + "/operationResults/{operationId}", new ProtectedItemOperationResultsGet(e),
                        Schemas.PROTECTED_ITEM_RESOURCE)
                .add("GET", VAULT + "/backupOperations/{operationId}", new BackupOperationStatusesGet(e), Schemas.OPERATION_STATUS)
                .add("GET", VAULT + "/backupOperationResults/{operationId}", new BackupOperationResultsGet(e), null)
                .add("GET", VAULT + "/backupProtectedItems", new BackupProtectedItemsList(e),
                        Schemas.PROTECTED_ITEM_RESOURCE_LIST)
                .add("GET", VAULT + "/backupProtectionContainers", new BackupProtectionContainersList(e), null)
                .add("GET", VAULT + "/backupJobs", new BackupJobsList(e), Schemas.JOB_RESOURCE_LIST)
                .add("GET", VAULT + "/backupJobs/{jobName}", new JobDetailsGet(e), Schemas.JOB_RESOURCE)
                .add("POST", VAULT + "/backupJobs/{jobName}/cancel", new JobCancellationsTrigger(e), null)
                .add("GET", VAULT + "/backupJobs/{jobName}/operationResults/{operationId}", new JobOperationResultsGet(e),
                        null)
                .add("POST", VAULT + "/backupJobsExport", new JobsExport(e), null)
                .add("GET", VAULT + "/backupJobs/operationResults/{operationId}", new ExportJobsOperationResultsGet(e),
                        Schemas.OPERATION_RESULT_INFO_BASE_RESOURCE);
    }
}
