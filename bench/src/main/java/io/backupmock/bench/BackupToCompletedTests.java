package io.backupmock.bench;

import io.backupmock.testkit.BackupMock;
import io.backupmock.testkit.BackupMockTest;
import io.backupmock.testkit.JobStatus;
import io.backupmock.testkit.TestVault;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.RepeatedTest;

/**
 * What {@link FirstTestCost} runs: the test a user writes first, repeated. Each repetition triggers a
 * backup over HTTPS, moves the virtual clock past its end, and reads the job Completed.
 */
@BackupMockTest
public class BackupToCompletedTests {
    @RepeatedTest(50)
    void backupRunsToCompleted(BackupMock azure) throws Exception {
        TestVault vault = azure.vault();
        HttpResponse<String> accepted = azure.httpClient().send(HttpRequest.newBuilder(
                        azure.url(vault.vm().path() + "/backup", "2023-06-01"))
                .header("Authorization", "Bearer " + azure.token()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"properties\":{\"objectType\":\"IaasVMBackupRequest\"}}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        check(accepted.statusCode() == 202, "trigger answered " + accepted.statusCode());
        azure.clock().advance(Duration.ofSeconds(2));
        String operation = get(azure, URI.create(accepted.headers().firstValue("Azure-AsyncOperation").orElseThrow()));
        String jobId = operation.replaceAll("(?s).*\"jobId\":\"([^\"]+)\".*", "$1");
        azure.clock().advance(Duration.ofSeconds(30));
        String job = get(azure, azure.url(vault.path() + "/backupJobs/" + jobId, "2023-06-01"));
        check(job.contains("\"status\":\"Completed\""), "job: " + job);
        check(vault.job(jobId).status() == JobStatus.Completed, "the vault's view of " + jobId);
    }

    private static String get(BackupMock azure, URI uri) throws Exception {
        HttpResponse<String> response = azure.httpClient().send(HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + azure.token()).build(), HttpResponse.BodyHandlers.ofString());
        check(response.statusCode() == 200, uri + " answered " + response.statusCode());
        return response.body();
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException(what);
        }
    }
}
