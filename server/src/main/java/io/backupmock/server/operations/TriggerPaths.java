package io.backupmock.server.operations;

import io.backupmock.server.tenancy.ProtectedItem;
import io.backupmock.server.tenancy.Vault;
import io.backupmock.server.tracking.AsyncOperation;

/** Where each kind of operation is polled, as Azure's 202s point. */
final class TriggerPaths {
    private TriggerPaths() {
    }

    static String itemStatus(ProtectedItem item, AsyncOperation op) {
        return item.path() + "/operationsStatus/" + op.id();
    }

    static String itemResult(ProtectedItem item, AsyncOperation op) {
        return item.path() + "/operationResults/" + op.id();
    }

    static String vaultStatus(Vault vault, AsyncOperation op) {
        return vault.path() + "/backupOperations/" + op.id();
    }

    static String vaultResult(Vault vault, AsyncOperation op) {
        return vault.path() + "/backupOperationResults/" + op.id();
    }

    static String cancelResult(Vault vault, AsyncOperation op) {
        return vault.path() + "/backupJobs/" + op.job().id() + "/operationResults/" + op.id();
    }

    static String exportResult(Vault vault, AsyncOperation op) {
        return vault.path() + "/backupJobs/operationResults/" + op.id();
    }
}
