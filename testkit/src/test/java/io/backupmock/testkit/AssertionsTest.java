package io.backupmock.testkit;

import static io.backupmock.testkit.BackupMockAssertions.assertThat;
import static io.backupmock.testkit.BackupMockAssertions.assertThatCloudError;
import static io.backupmock.testkit.BackupMockAssertions.assertThatJob;
import static io.backupmock.testkit.BackupMockAssertions.assertThatOperationStatus;
import static io.backupmock.testkit.BackupMockAssertions.assertThatPayload;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backupmock.contracts.Schemas;
import io.backupmock.fixtures.Fixtures;
import io.backupmock.server.wire.Json;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every assertion passes on what it should, and its failure says what was expected and what came. */
@BackupMockTest(clockStart = "2026-01-01T00:00:00Z")
class AssertionsTest {
    static final String COMPLETED = Fixtures.read("payloads/job-backup-completed.json");
    static final String FAILED = Fixtures.read("payloads/job-backup-failed.json");

    @Test
    void jobAssertionsAcceptJsonTextNodesAndMaps() throws Exception {
        assertThatJob(COMPLETED).hasStatus(JobStatus.Completed).hasJobType("AzureIaaSVMJob").hasOperation("Backup")
                .hasTask("Take Snapshot", "Completed").isFinished().endedAfter(Instant.parse("2026-11-25T08:00:00Z"))
                .conformsTo(Schemas.JOB_RESOURCE);
        assertThatJob(Json.mapper().readTree(FAILED)).hasStatus("Failed").hasErrorCode(400002);
        assertThatJob(Json.mapper().readValue(COMPLETED, Map.class)).hasStatus("Completed");
    }

    @Test
    void aJobOfTheVaultIsAssertedAsTheResourceAClientWouldRead(BackupMock azure) {
        TestVault vault = azure.vault();
        String id = vault.createJob(vault.vm(), JobScript.backup().task("Take Snapshot", Duration.ofMinutes(1)).build());
        assertThat(vault.job(id)).hasStatus(JobStatus.InProgress).hasTask("Take Snapshot", "InProgress")
                .conformsTo(Schemas.JOB_RESOURCE);
        azure.clock().advance(Duration.ofMinutes(1));
        assertThatJob(vault.job(id)).hasStatus(JobStatus.Completed).isFinished();
    }

    @Test
    void anItemOfAnyWorkloadRunsTheJobTypeItsNameImplies(BackupMock azure) {
        TestVault vault = azure.vault();
        TestItem share = vault.item("StorageContainer;Storage;rg;account", "AzureFileShare;share");
        String id = vault.createJob(share, JobScript.backup().duration(Duration.ofMinutes(1)).build());
        assertThat(vault.job(id)).hasJobType("AzureStorageJob").hasStatus(JobStatus.InProgress);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> vault.createJob(vault.item("c", "Widget;x"),
                JobScript.backup().build())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Widget;x");
    }

    @Test
    void aPayloadOfAnotherKindIsRefusedNamingTheKindsAccepted() {
        assertThatThrownBy(() -> assertThatJob(new StringBuilder("{")).hasStatus("x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> assertThatJob(Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("JSON text, a JsonNode, a Map").hasMessageContaining("TestJob")
                .hasMessageContaining("java.time.Instant");
    }

    @Test
    void failuresCarryActualAndExpectedForAnIdeDiff() {
        assertThatThrownBy(() -> assertThatJob(COMPLETED).hasStatus(JobStatus.InProgress))
                .isInstanceOfSatisfying(org.opentest4j.AssertionFailedError.class, e -> {
                    org.assertj.core.api.Assertions.assertThat(e.getExpected().getValue()).isEqualTo("InProgress");
                    org.assertj.core.api.Assertions.assertThat(e.getActual().getValue()).isEqualTo("Completed");
                });
        assertThatThrownBy(() -> assertThatCloudError("{\"error\":{\"code\":\"A\",\"message\":\"m\"}}").hasCode("B"))
                .isInstanceOfSatisfying(org.opentest4j.AssertionFailedError.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.getActual().getValue()).isEqualTo("A"));
    }

    @Test
    void jobAssertionFailuresSayWhatCame() {
        assertThatThrownBy(() -> assertThatJob(COMPLETED).hasStatus("InProgress"))
                .hasMessageContaining("Expecting job 7e0d0e41-5c2d-4b4b-9a8e-0a1f4c1d2e3f to have status <InProgress> but was <Completed>");
        assertThatThrownBy(() -> assertThatJob(COMPLETED).hasTask("Take Snapshot", "InProgress"))
                .hasMessageContaining("task <Take Snapshot>").hasMessageContaining("but was <Completed>");
        assertThatThrownBy(() -> assertThatJob(COMPLETED).hasTask("Verify", "Completed"))
                .hasMessageContaining("to have a task <Verify> but its tasks are [Take Snapshot=Completed, Transfer data to vault=Completed]");
        assertThatThrownBy(() -> assertThatJob(FAILED).hasErrorCode(1))
                .hasMessageContaining("errorCode <1> but its errorDetails have [400002]");
        assertThatThrownBy(() -> assertThatJob(COMPLETED).endedAfter(Instant.parse("2030-01-01T00:00:00Z")))
                .hasMessageContaining("to have ended after 2030-01-01T00:00:00Z but it ended at 2026-11-25T08:36:11.123456Z");
        assertThatThrownBy(() -> assertThatJob(Fixtures.read("payloads/job-backup-in-progress.json")).isFinished())
                .hasMessageContaining("to have finished but its status is <InProgress>");
    }

    @Test
    void operationStatusAssertions() {
        String succeeded = Fixtures.read("payloads/operation-status-succeeded.json");
        assertThatOperationStatus(succeeded).hasSucceeded().hasJobId("7e0d0e41-5c2d-4b4b-9a8e-0a1f4c1d2e3f");
        assertThatOperationStatus(Fixtures.read("payloads/operation-status-in-progress.json")).isInProgress();
        assertThatThrownBy(() -> assertThatOperationStatus(succeeded).hasJobId("other"))
                .hasMessageContaining("to carry job <other>");
        assertThatThrownBy(() -> assertThatOperationStatus(succeeded).hasFailedWith("Oops"))
                .hasMessageContaining("to have status <Failed> but was <Succeeded>");
    }

    @Test
    void cloudErrorAssertions() {
        String error = Fixtures.read("payloads/error-job-not-found.json");
        assertThatCloudError(error).hasCode("ResourceNotFound").hasMessageContaining("was not found");
        assertThatThrownBy(() -> assertThatCloudError(error).hasCode("BadRequest"))
                .hasMessageContaining("Expecting error code <BadRequest> but was <ResourceNotFound>");
        assertThatThrownBy(() -> assertThatCloudError("{\"status\":1}").hasCode("X"))
                .hasMessageContaining("Expecting a CloudError");
    }

    @Test
    void conformsToListsEveryViolation() {
        assertThatThrownBy(() -> assertThatPayload("{\"status\":5,\"endTime\":\"soon\"}").conformsTo(Schemas.OPERATION_STATUS))
                .hasMessageContaining("to conform to the OperationStatus schema, but it breaks it 2 time(s)")
                .hasMessageContaining("/status").hasMessageContaining("/endTime");
    }

    @Test
    void journalAssertionsPassForAWellBehavedClient(BackupMock azure) {
        TestItem vm = azure.vault().vm();
        HttpResponse<String> accepted = Calls.triggerBackup(azure, vm);
        String status = accepted.headers().firstValue("Azure-AsyncOperation").orElseThrow();
        String opId = status.substring(status.lastIndexOf('/') + 1, status.indexOf('?'));
        azure.clock().advance(Duration.ofSeconds(1));
        Calls.getUrl(azure, status);
        azure.clock().advance(Duration.ofSeconds(1));
        HttpResponse<String> done = Calls.getUrl(azure, status);
        assertThatOperationStatus(done).hasSucceeded().conformsTo(Schemas.OPERATION_STATUS);

        assertThat(azure.journal()).receivedBackupTrigger(vm.name()).honouredRetryAfter()
                .stoppedPollingAtTerminalState().noSchemaViolations().hasRequestCount(3);
        assertThat(azure.journal()).polled(opId).times(2).atMost(2).atLeast(1).honouredRetryAfter()
                .stoppedAtTerminalState();
    }

    @Test
    void missingTriggerShowsTheClosestRequests(BackupMock azure) {
        Calls.send(azure, "POST", azure.vault().vm().path() + "/bakup", "{}");
        assertThatThrownBy(() -> assertThat(azure.journal()).receivedBackupTrigger(azure.vault().vm().name()))
                .hasMessageContaining("Expecting a backup trigger POST …/protectedItems/VM;iaasvmcontainerv2;testRG;testVM/backup but none was received")
                .hasMessageContaining("Closest requests:")
                .hasMessageContaining("/bakup -> 404");
    }

    @Test
    void pollingTooSoonBreaksRetryAfter(BackupMock azure) {
        HttpResponse<String> accepted = Calls.triggerBackup(azure, azure.vault().vm());
        Calls.getUrl(azure, accepted.headers().firstValue("Location").orElseThrow());
        assertThatThrownBy(() -> assertThat(azure.journal()).honouredRetryAfter())
                .hasMessageContaining("came 0 s after #").hasMessageContaining("with Retry-After: 1");
    }

    @Test
    void pollingAfterTheEndIsReported(BackupMock azure) {
        HttpResponse<String> accepted = Calls.triggerBackup(azure, azure.vault().vm());
        String status = accepted.headers().firstValue("Azure-AsyncOperation").orElseThrow();
        String opId = status.substring(status.lastIndexOf('/') + 1, status.indexOf('?'));
        azure.clock().advance(Duration.ofSeconds(5));
        Calls.getUrl(azure, status);
        Calls.getUrl(azure, status);
        assertThatThrownBy(() -> assertThat(azure.journal()).stoppedPollingAtTerminalState())
                .hasMessageContaining("polled again after #").hasMessageContaining("had answered operation status Succeeded");
        assertThatThrownBy(() -> assertThat(azure.journal()).polled(opId).atMost(1))
                .hasMessageContaining("to be polled at most 1 times but it was polled 2 times");
        assertThatThrownBy(() -> assertThat(azure.journal()).polled("nothing-like-this"))
                .hasMessageContaining("Expecting polls of <nothing-like-this> but none were received");
    }

    @Test
    void schemaViolationsAreReported(BackupMock azure) {
        Calls.send(azure, "POST", azure.vault().vm().path() + "/backup", "{\"properties\":{\"objectType\":\"Nope\"}}");
        assertThatThrownBy(() -> assertThat(azure.journal()).noSchemaViolations())
                .hasMessageContaining("Expecting no schema violations").hasMessageContaining("/properties/objectType");
    }
}
