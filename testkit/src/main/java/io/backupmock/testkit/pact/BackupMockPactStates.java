package io.backupmock.testkit.pact;

import au.com.dius.pact.provider.junitsupport.State;
import io.backupmock.server.pact.ProviderStates;
import io.backupmock.testkit.BackupMock;
import java.util.Map;

/**
 * The provider states of Azure Backup contracts as Pact JVM state-change methods, set up in the
 * test's {@link BackupMock}. Register with {@code context.withStateChangeHandlers(new
 * BackupMockPactStates(azure))}, or extend {@link BackupMockPactVerification}, which does. Each
 * returns the values a pact injects with provider-state expressions ({@code ${subscriptionId}},
 * {@code ${resourceGroup}}, {@code ${vault}}, {@code ${fabric}}, {@code ${container}},
 * {@code ${item}}, {@code ${jobId}}, {@code ${operationId}}); parameters given with a state (such
 * as a {@code jobId} a pact hard-codes) are used.
 */
public class BackupMockPactStates {
    private final BackupMock azure;

    public BackupMockPactStates(BackupMock azure) {
        this.azure = azure;
    }

    @State(ProviderStates.ITEM_PROTECTED)
    public Map<String, Object> itemProtected(Map<String, Object> params) {
        return azure.providerState(ProviderStates.ITEM_PROTECTED, params);
    }

    @State(ProviderStates.JOB_IN_PROGRESS)
    public Map<String, Object> jobInProgress(Map<String, Object> params) {
        return azure.providerState(ProviderStates.JOB_IN_PROGRESS, params);
    }

    @State(ProviderStates.JOB_COMPLETED)
    public Map<String, Object> jobCompleted(Map<String, Object> params) {
        return azure.providerState(ProviderStates.JOB_COMPLETED, params);
    }

    @State(ProviderStates.JOB_COMPLETED_WITH_WARNINGS)
    public Map<String, Object> jobCompletedWithWarnings(Map<String, Object> params) {
        return azure.providerState(ProviderStates.JOB_COMPLETED_WITH_WARNINGS, params);
    }

    @State(ProviderStates.JOB_FAILED)
    public Map<String, Object> jobFailed(Map<String, Object> params) {
        return azure.providerState(ProviderStates.JOB_FAILED, params);
    }

    @State(ProviderStates.JOB_CANCELLED)
    public Map<String, Object> jobCancelled(Map<String, Object> params) {
        return azure.providerState(ProviderStates.JOB_CANCELLED, params);
    }

    @State(ProviderStates.JOB_MISSING)
    public Map<String, Object> jobMissing(Map<String, Object> params) {
        return azure.providerState(ProviderStates.JOB_MISSING, params);
    }

    @State(ProviderStates.OPERATION_IN_PROGRESS)
    public Map<String, Object> operationInProgress(Map<String, Object> params) {
        return azure.providerState(ProviderStates.OPERATION_IN_PROGRESS, params);
    }

    @State(ProviderStates.OPERATION_SUCCEEDED)
    public Map<String, Object> operationSucceeded(Map<String, Object> params) {
        return azure.providerState(ProviderStates.OPERATION_SUCCEEDED, params);
    }

    @State(ProviderStates.VAULT_HAS_JOBS)
    public Map<String, Object> vaultHasJobs(Map<String, Object> params) {
        return azure.providerState(ProviderStates.VAULT_HAS_JOBS, params);
    }
}
