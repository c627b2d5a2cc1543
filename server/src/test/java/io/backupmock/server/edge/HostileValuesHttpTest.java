package io.backupmock.server.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.backupmock.server.BackupMockServer;
import io.backupmock.server.clock.VirtualClock;
import io.backupmock.server.wire.Json;
import java.io.IOException;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Out-of-range values are 400s at the admin door they come through, and nothing answers 500 later. */
class HostileValuesHttpTest {
    private static final String HUGE = "P99999999D";

    private static RawHttp.Response send(int port, String method, String target, String body) {
        String request = method + " " + target + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer t\r\nConnection: close\r\n"
                + (body == null ? "" : "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n")
                + "\r\n" + (body == null ? "" : body);
        return RawHttp.send(port, request, 5000).responses().get(0);
    }

    private static void assertRefused(RawHttp.Response r, String field) throws IOException {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        JsonNode error = Json.mapper().readTree(r.body()).path("error");
        assertThat(error.path("code").asText()).isEqualTo("InvalidAdminRequest");
        assertThat(error.path("message").asText()).contains(field).contains("at most");
    }

    @Test
    void hugeDurationsAreRefusedByEveryAdminDoorAndTriggersKeepWorking() throws IOException {
        try (BackupMockServer server = BackupMockServer.builder().noHttps().httpPort(0)
                .clock(new VirtualClock(Instant.parse("2026-11-25T08:00:00Z"))).start()) {
            int port = server.httpUri().getPort();
            String sub = UUID.randomUUID().toString();
            String vault = "/backupmock/admin/vaults/" + sub + "/rg/v";
            assertRefused(send(port, "POST", "/backupmock/admin/rules",
                    "{\"match\": {}, \"script\": {\"duration\": \"" + HUGE + "\"}}"), "duration");
            assertRefused(send(port, "PUT", "/backupmock/admin/scenario",
                    "{\"jobs\": [{\"operation\": \"Backup\", \"tasks\": [[\"Take Snapshot\", \"PT9223372036854775807S\"]]}]}"),
                    "Take Snapshot");
            assertRefused(send(port, "POST", vault + "/nextJobs", "[{\"cancellationTime\": \"" + HUGE + "\"}]"),
                    "cancellationTime");
            assertRefused(send(port, "POST", vault + "/jobs", "{\"script\": {\"trigger\": {\"inProgressFor\": \""
                    + HUGE + "\"}}}"), "inProgressFor");

            String item = "/subscriptions/" + sub + "/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/v"
                    + "/backupFabrics/Azure/protectionContainers/IaasVMContainer;iaasvmcontainerv2;rg;vm/protectedItems/"
                    + "VM;iaasvmcontainerv2;rg;vm/backup?api-version=2019-05-13";
            RawHttp.Response trigger = send(port, "POST", item,
                    "{\"properties\":{\"objectType\":\"IaasVMBackupRequest\"}}");
            assertThat(trigger.status()).as(trigger.body()).isEqualTo(202);
        }
    }

    @Test
    void theLongestJobAtTheEndOfTimeStillAnswers() throws IOException {
        try (BackupMockServer server = BackupMockServer.builder().noHttps().httpPort(0)
                .clock(new VirtualClock(Instant.parse("9999-12-31T22:00:00Z"))).start()) {
            int port = server.httpUri().getPort();
            String sub = UUID.randomUUID().toString();
            RawHttp.Response created = send(port, "POST", "/backupmock/admin/vaults/" + sub + "/rg/v/jobs",
                    "{\"script\": {\"duration\": \"P36500D\"}}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            String id = Json.mapper().readTree(created.body()).path("name").asText();
            String jobs = "/subscriptions/" + sub + "/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/v"
                    + "/backupJobs";
            assertThat(send(port, "POST", "/backupmock/admin/clock", "{\"set\": \"9999-12-31T23:59:59Z\"}").status())
                    .isEqualTo(200);
            RawHttp.Response job = send(port, "GET", jobs + "/" + id + "?api-version=2019-05-13", null);
            assertThat(job.status()).as(job.body()).isEqualTo(200);
            assertThat(job.header("Date")).isEqualTo("Fri, 31 Dec 9999 23:59:59 GMT");
            assertThat(send(port, "GET", jobs + "?api-version=2019-05-13", null).status()).isEqualTo(200);
            RawHttp.Response cancel = send(port, "POST", jobs + "/" + id + "/cancel?api-version=2019-05-13", null);
            assertThat(cancel.status()).as(cancel.body()).isEqualTo(202);
            RawHttp.Response cancelling = send(port, "GET", jobs + "/" + id + "?api-version=2019-05-13", null);
            assertThat(cancelling.status()).as(cancelling.body()).isEqualTo(200);
        }
    }
}
