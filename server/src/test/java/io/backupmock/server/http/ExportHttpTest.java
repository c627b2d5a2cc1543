package io.backupmock.server.http;

import static io.backupmock.server.http.TestEmulator.newSubscription;
import static io.backupmock.server.http.TestEmulator.vaultPath;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.backupmock.server.http.TestEmulator.Reply;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ExportHttpTest {
    @RegisterExtension
    static final TestEmulator emulator = new TestEmulator();

    @Test
    void exportRunsThenPointsAtABlobHoldingTheMatchingJobs() {
        String sub = newSubscription();
        String completed = emulator.backupJob(sub);
        emulator.clock.advance(Duration.ofMinutes(1));
        emulator.backupJob(sub);

        Reply accepted = emulator.send("POST", vaultPath(sub) + "/backupJobsExport?$filter=status%20eq%20'Completed'",
                null);
        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.header("Azure-AsyncOperation")).isNull();
        String location = accepted.header("Location");
        assertThat(location).startsWith(emulator.server.baseUri() + vaultPath(sub) + "/backupJobs/operationResults/");

        Reply running = emulator.get(location);
        assertThat(running.status()).isEqualTo(202);
        assertThat(running.json().at("/operation/objectType").asText()).isEqualTo("ExportJobsOperationResultInfo");
        assertThat(running.json().at("/headers/Location/0").asText()).isEqualTo(location);
        assertThat(running.json().at("/operation/blobUrl").isMissingNode()).isTrue();

        emulator.clock.advance(Duration.ofSeconds(2));
        Reply done = emulator.get(location);
        assertThat(done.status()).isEqualTo(200);
        JsonNode operation = done.json().get("operation");
        assertThat(operation.get("objectType").asText()).isEqualTo("ExportJobsOperationResultInfo");
        String blobUrl = operation.get("blobUrl").asText();
        String sas = operation.get("blobSasKey").asText();
        assertThat(sas).startsWith("?sv=").contains("sig=");

        Reply blob = emulator.send(HttpRequest.newBuilder(URI.create(blobUrl + sas)).build());
        assertThat(blob.status()).isEqualTo(200);
        assertThat(blob.json().get("value")).hasSize(1);
        assertThat(blob.json().at("/value/0/name").asText()).isEqualTo(completed);
        assertThat(emulator.send(HttpRequest.newBuilder(URI.create(blobUrl)).build()).status())
                .as("without the SAS key").isEqualTo(403);
    }

    @Test
    void exportWithAMalformedFilterIs400() {
        Reply reply = emulator.send("POST", vaultPath(newSubscription()) + "/backupJobsExport?$filter=status", null);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo("BMSUserErrorInvalidInput");
    }
}
