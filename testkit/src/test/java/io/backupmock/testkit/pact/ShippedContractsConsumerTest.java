package io.backupmock.testkit.pact;

import static io.backupmock.testkit.pact.AzureBackupPactDsl.GUID;
import static io.backupmock.testkit.pact.AzureBackupPactDsl.ITEM_PATH;
import static io.backupmock.testkit.pact.AzureBackupPactDsl.JOB_PATH;
import static io.backupmock.testkit.pact.AzureBackupPactDsl.VAULT_PATH;
import static io.backupmock.testkit.pact.AzureBackupPactDsl.example;
import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import io.backupmock.server.pact.ProviderStates;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The contracts backup-mock ships (contracts/pacts/): the canonical interactions of an Azure Backup
 * job-tracking client, written with Pact's DSL and {@link AzureBackupPactDsl}. Running this writes
 * target/pacts/; {@link ShippedPactsAreCurrentTest} then checks the committed files match.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = ShippedContractsConsumerTest.PROVIDER, pactVersion = PactSpecVersion.V4)
@Order(1)
class ShippedContractsConsumerTest {
    static final String PROVIDER = "azure-backup";
    static final String CONSUMER = "azure-backup-job-tracker";
    static final String API = "api-version=2019-05-13";
    static final String AUTH = "Bearer dummy-token";

    @Pact(consumer = CONSUMER)
    V4Pact triggerBackup(PactDslWithProvider builder) {
        return builder.given(ProviderStates.ITEM_PROTECTED)
                .uponReceiving("a backup trigger of a protected VM")
                .method("POST").pathFromProviderState(ITEM_PATH + "/backup", example(ITEM_PATH + "/backup"))
                .query(API).headers(Map.of("Authorization", AUTH, "Content-Type", "application/json"))
                .body("{\"properties\":{\"objectType\":\"IaasVMBackupRequest\"}}")
                .willRespondWith().status(202)
                .matchHeader("Azure-AsyncOperation", "https?://[^/]+/subscriptions/.+/protectedItems/.+/operationsStatus/"
                        + GUID + "\\?api-version=.+", "http://127.0.0.1:8443" + example(ITEM_PATH)
                        + "/operationsStatus/c8f1e3a2-6b4d-4e9f-a1c3-5d7e9f1b3a5c?" + API)
                .matchHeader("Location", "https?://[^/]+/subscriptions/.+/protectedItems/.+/operationResults/" + GUID
                        + "\\?api-version=.+", "http://127.0.0.1:8443" + example(ITEM_PATH)
                        + "/operationResults/c8f1e3a2-6b4d-4e9f-a1c3-5d7e9f1b3a5c?" + API)
                .matchHeader("Retry-After", "\\d+", "1")
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "triggerBackup")
    void triggerBackup(MockServer server) throws Exception {
        HttpResponse<String> r = send(server, "POST", example(ITEM_PATH + "/backup"), API,
                "{\"properties\":{\"objectType\":\"IaasVMBackupRequest\"}}");
        assertThat(r.statusCode()).isEqualTo(202);
        assertThat(r.headers().firstValue("Azure-AsyncOperation")).isPresent();
    }

    @Pact(consumer = CONSUMER)
    V4Pact operationInProgress(PactDslWithProvider builder) {
        return builder.given(ProviderStates.OPERATION_IN_PROGRESS)
                .uponReceiving("the status of a backup operation still in progress")
                .method("GET").pathFromProviderState(ITEM_PATH + "/operationsStatus/${operationId}",
                        example(ITEM_PATH + "/operationsStatus/${operationId}"))
                .query(API).headers("Authorization", AUTH)
                .willRespondWith().status(200).body(AzureBackupPactDsl.operationInProgress())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "operationInProgress")
    void operationInProgress(MockServer server) throws Exception {
        assertThat(get(server, example(ITEM_PATH + "/operationsStatus/${operationId}"), API).body())
                .contains("\"InProgress\"");
    }

    @Pact(consumer = CONSUMER)
    V4Pact operationSucceeded(PactDslWithProvider builder) {
        return builder.given(ProviderStates.OPERATION_SUCCEEDED)
                .uponReceiving("the status of a backup operation that succeeded, with its job id")
                .method("GET").pathFromProviderState(VAULT_PATH + "/backupOperations/${operationId}",
                        example(VAULT_PATH + "/backupOperations/${operationId}"))
                .query(API).headers("Authorization", AUTH)
                .willRespondWith().status(200).body(AzureBackupPactDsl.operationSucceeded())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "operationSucceeded")
    void operationSucceeded(MockServer server) throws Exception {
        assertThat(get(server, example(VAULT_PATH + "/backupOperations/${operationId}"), API).body())
                .contains("OperationStatusJobExtendedInfo");
    }

    @Pact(consumer = CONSUMER)
    V4Pact jobInProgress(PactDslWithProvider builder) {
        return jobIn(builder, ProviderStates.JOB_IN_PROGRESS, "a backup job in progress", "InProgress");
    }

    @Test
    @PactTestFor(pactMethod = "jobInProgress")
    void jobInProgress(MockServer server) throws Exception {
        assertThat(get(server, example(JOB_PATH), API).body()).contains("\"InProgress\"", "Cancellable");
    }

    @Pact(consumer = CONSUMER)
    V4Pact jobCompleted(PactDslWithProvider builder) {
        return jobIn(builder, ProviderStates.JOB_COMPLETED, "a completed backup job", "Completed");
    }

    @Test
    @PactTestFor(pactMethod = "jobCompleted")
    void jobCompleted(MockServer server) throws Exception {
        assertThat(get(server, example(JOB_PATH), API).body()).contains("\"Completed\"", "tasksList");
    }

    @Pact(consumer = CONSUMER)
    V4Pact jobCompletedWithWarnings(PactDslWithProvider builder) {
        return jobIn(builder, ProviderStates.JOB_COMPLETED_WITH_WARNINGS, "a backup job completed with warnings",
                "CompletedWithWarnings");
    }

    @Test
    @PactTestFor(pactMethod = "jobCompletedWithWarnings")
    void jobCompletedWithWarnings(MockServer server) throws Exception {
        assertThat(get(server, example(JOB_PATH), API).body()).contains("CompletedWithWarnings", "errorDetails");
    }

    @Pact(consumer = CONSUMER)
    V4Pact jobFailed(PactDslWithProvider builder) {
        return jobIn(builder, ProviderStates.JOB_FAILED, "a failed backup job with its error details", "Failed");
    }

    @Test
    @PactTestFor(pactMethod = "jobFailed")
    void jobFailed(MockServer server) throws Exception {
        assertThat(get(server, example(JOB_PATH), API).body()).contains("\"Failed\"", "errorDetails");
    }

    @Pact(consumer = CONSUMER)
    V4Pact listWithFilterAndNextLink(PactDslWithProvider builder) {
        return builder.given(ProviderStates.VAULT_HAS_JOBS, Map.of("count", 201))
                .uponReceiving("the first page of completed jobs, with a link to the next")
                .method("GET").pathFromProviderState(VAULT_PATH + "/backupJobs", example(VAULT_PATH + "/backupJobs"))
                .query(API + "&$filter=status eq 'Completed'").headers("Authorization", AUTH)
                .willRespondWith().status(200).body(AzureBackupPactDsl.jobPageWithNextLink("Completed"))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "listWithFilterAndNextLink")
    void listWithFilterAndNextLink(MockServer server) throws Exception {
        assertThat(get(server, example(VAULT_PATH + "/backupJobs"), API + "&%24filter=status%20eq%20%27Completed%27")
                .body()).contains("nextLink");
    }

    @Pact(consumer = CONSUMER)
    V4Pact cancelJob(PactDslWithProvider builder) {
        return builder.given(ProviderStates.JOB_IN_PROGRESS)
                .uponReceiving("a cancel of a running backup job")
                .method("POST").pathFromProviderState(JOB_PATH + "/cancel", example(JOB_PATH + "/cancel"))
                .query(API).headers("Authorization", AUTH)
                .willRespondWith().status(202)
                .matchHeader("Location", "https?://[^/]+/subscriptions/.+/backupJobs/" + GUID + "/operationResults/"
                        + GUID + "\\?api-version=.+", "http://127.0.0.1:8443" + example(JOB_PATH)
                        + "/operationResults/c8f1e3a2-6b4d-4e9f-a1c3-5d7e9f1b3a5c?" + API)
                .matchHeader("Retry-After", "\\d+", "1")
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "cancelJob")
    void cancelJob(MockServer server) throws Exception {
        assertThat(send(server, "POST", example(JOB_PATH + "/cancel"), API, null).statusCode()).isEqualTo(202);
    }

    @Pact(consumer = CONSUMER)
    V4Pact cancelResult(PactDslWithProvider builder) {
        return builder.given(ProviderStates.JOB_CANCELLED)
                .uponReceiving("the result of a cancellation that is done")
                .method("GET").pathFromProviderState(JOB_PATH + "/operationResults/${operationId}",
                        example(JOB_PATH + "/operationResults/${operationId}"))
                .query(API).headers("Authorization", AUTH)
                .willRespondWith().status(204)
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "cancelResult")
    void cancelResult(MockServer server) throws Exception {
        assertThat(get(server, example(JOB_PATH + "/operationResults/${operationId}"), API).statusCode()).isEqualTo(204);
    }

    @Pact(consumer = CONSUMER)
    V4Pact unknownJob(PactDslWithProvider builder) {
        return builder.given(ProviderStates.JOB_MISSING)
                .uponReceiving("a job that does not exist")
                .method("GET").pathFromProviderState(JOB_PATH, example(JOB_PATH))
                .query(API).headers("Authorization", AUTH)
                .willRespondWith().status(404).body(AzureBackupPactDsl.cloudError("ResourceNotFound"))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "unknownJob")
    void unknownJob(MockServer server) throws Exception {
        assertThat(get(server, example(JOB_PATH), API).statusCode()).isEqualTo(404);
    }

    private static V4Pact jobIn(PactDslWithProvider builder, String state, String description, String status) {
        return builder.given(state)
                .uponReceiving(description)
                .method("GET").pathFromProviderState(JOB_PATH, example(JOB_PATH))
                .query(API).headers("Authorization", AUTH)
                .willRespondWith().status(200).body(AzureBackupPactDsl.job(status, true))
                .toPact(V4Pact.class);
    }

    private static HttpResponse<String> get(MockServer server, String path, String query) throws Exception {
        return send(server, "GET", path, query, null);
    }

    private static HttpResponse<String> send(MockServer server, String method, String path, String query, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getUrl() + path + "?" + query))
                .header("Authorization", AUTH)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
