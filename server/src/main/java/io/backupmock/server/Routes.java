package io.backupmock.server;

import io.backupmock.server.gateway.Router;
import io.backupmock.server.operations.BackupJobsList;
import io.backupmock.server.operations.BackupOperationResultsGet;
import io.backupmock.server.operations.BackupOperationStatusesGet;
import io.backupmock.server.operations.BackupProtectedItemsList;
import io.backupmock.server.operations.BackupsTrigger;
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

/** The Azure Backup operations the emulator serves, one route per spec operationId, paths as in the spec. */
final class Routes {
    static final String VAULT = "subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}"
            + "/providers/Microsoft.RecoveryServices/vaults/{vaultName}";
    static final String ITEM = VAULT + "/backupFabrics/{fabricName}/protectionContainers/{containerName}"
            + "/protectedItems/{protectedItemName}";

    private Routes() {
    }

    static Router build(Emulator e) {
        return new Router()
                .add("GET", ITEM, new ProtectedItemsGet(e))
                .add("PUT", ITEM, new ProtectedItemsCreateOrUpdate(e))
                .add("DELETE", ITEM, new ProtectedItemsDelete(e))
                .add("POST", ITEM + "/backup", new BackupsTrigger(e))
                .add("POST", ITEM + "/recoveryPoints/{recoveryPointId}/restore", new RestoresTrigger(e))
                .add("GET", ITEM + "/operationsStatus/{operationId}", new ProtectedItemOperationStatusesGet(e))
                .add("GET", ITEM + "/operationResults/{operationId}", new ProtectedItemOperationResultsGet(e))
                .add("GET", VAULT + "/backupOperations/{operationId}", new BackupOperationStatusesGet(e))
                .add("GET", VAULT + "/backupOperationResults/{operationId}", new BackupOperationResultsGet(e))
                .add("GET", VAULT + "/backupProtectedItems", new BackupProtectedItemsList(e))
                .add("GET", VAULT + "/backupJobs", new BackupJobsList(e))
                .add("GET", VAULT + "/backupJobs/{jobName}", new JobDetailsGet(e))
                .add("POST", VAULT + "/backupJobs/{jobName}/cancel", new JobCancellationsTrigger(e))
                .add("GET", VAULT + "/backupJobs/{jobName}/operationResults/{operationId}", new JobOperationResultsGet(e))
                .add("POST", VAULT + "/backupJobsExport", new JobsExport(e))
                .add("GET", VAULT + "/backupJobs/operationResults/{operationId}", new ExportJobsOperationResultsGet(e));
    }
}
