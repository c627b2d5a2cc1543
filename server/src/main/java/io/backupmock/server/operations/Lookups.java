package io.backupmock.server.operations;

import io.backupmock.server.state.Emulator;
import io.backupmock.server.gateway.ApiError;
import io.backupmock.server.gateway.ApiRequest;
import io.backupmock.server.gateway.ApiResponse;
import io.backupmock.server.jobs.Job;
import io.backupmock.server.tenancy.ProtectedItem;
import io.backupmock.server.tenancy.Vault;
import io.backupmock.server.tracking.AsyncOperation;

/** Finding what a request's path names, with Azure's 404s when it is not there. */
final class Lookups {
    private Lookups() {
    }

    static Vault vault(Emulator emulator, ApiRequest req) {
        Vault vault = emulator.tenancy().find(req.param("subscriptionId"), req.param("resourceGroupName"),
                req.param("vaultName"));
        if (vault == null) {
            throw ApiError.notFound("ResourceNotFound", "The Resource 'Microsoft.RecoveryServices/vaults/"
                    + req.param("vaultName") + "' under resource group '" + req.param("resourceGroupName")
                    + "' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix");
        }
        return vault;
    }

    static ProtectedItem item(Emulator emulator, ApiRequest req) {
        Vault vault = vault(emulator, req);
        ProtectedItem item = vault.item(req.param("fabricName"), req.param("containerName"),
                req.param("protectedItemName"), req.now());
        if (item == null) {
            throw itemNotFound();
        }
        return item;
    }

    static ApiError itemNotFound() {
        return ApiError.notFound("BMSUserErrorDataSourceObjectNotFound",
                "Item not found. Selected item might have been deleted. Please check if item is registered to the vault.");
    }

    static Job job(Vault vault, String jobName) {
        Job job = vault.jobs().find(jobName);
        if (job == null) {
            throw ApiError.notFound("ResourceNotFound", "The job '" + jobName + "' was not found in vault '"
                    + vault.name() + "'.");
        }
        return job;
    }

    static AsyncOperation operation(Vault vault, String operationId) {
        AsyncOperation op = vault.operation(operationId);
        if (op == null) {
            throw ApiError.notFound("ResourceNotFound", "The operation '" + operationId
                    + "' was not found in vault '" + vault.name() + "'.");
        }
        return op;
    }

    /** The operation, if it is of one of the kinds a route tracks; 404 otherwise. */
    static AsyncOperation operation(Vault vault, String operationId, AsyncOperation.Kind... kinds) {
        AsyncOperation op = operation(vault, operationId);
        for (AsyncOperation.Kind kind : kinds) {
            if (op.kind() == kind) {
                return op;
            }
        }
        throw ApiError.notFound("ResourceNotFound", "The operation '" + operationId
                + "' is not tracked at this URL.");
    }

    /** 202 Accepted with the headers Azure sends: the URLs to poll and how long to wait. */
    static ApiResponse accepted(Emulator emulator, ApiRequest req, String asyncOperationPath, String locationPath) {
        ApiResponse response = ApiResponse.accepted();
        if (asyncOperationPath != null) {
            response.header("Azure-AsyncOperation", req.url(asyncOperationPath));
        }
        response.header("Location", req.url(locationPath));
        response.header("Retry-After", Integer.toString(emulator.settings().retryAfterSeconds()));
        return response;
    }
}
