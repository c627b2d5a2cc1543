package io.backupmock.server.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.backupmock.server.BackupMockServer;
import io.backupmock.server.clock.VirtualClock;
import io.backupmock.server.wire.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** HTTP framing and size limits at the edge, sent as raw bytes: every refusal a CloudError, no hang. */
class EdgeHttpTest {
    private static BackupMockServer server;
    private static int port;

    @BeforeAll
    static void start() {
        server = BackupMockServer.builder().noHttps().httpPort(0)
                .clock(new VirtualClock(Instant.parse("2026-11-25T08:00:00Z"))).start();
        port = server.httpUri().getPort();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String vault(String subscription) {
        return "/subscriptions/" + subscription + "/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/v";
    }

    private static String get(String target, String... headers) {
        return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: Bearer t\r\n"
                + "Connection: close\r\n" + String.join("", headers) + "\r\n";
    }

    private static JsonNode cloudError(RawHttp.Response response) throws IOException {
        assertThat(response.header("Content-Type")).as(response.head()).startsWith("application/json");
        JsonNode error = Json.mapper().readTree(response.body()).path("error");
        assertThat(error.path("code").asText()).as(response.body()).isNotEmpty();
        assertThat(error.path("message").asText()).as(response.body()).isNotEmpty();
        return error;
    }

    @Test
    void aTransferCodingOtherThanChunkedIsRefusedAndTheConnectionClosed() throws IOException {
        RawHttp.Exchange ex = RawHttp.send(port, "POST /backupmock/admin/clock HTTP/1.1\r\nHost: x\r\n"
                + "Transfer-Encoding: gzip\r\n\r\nabc", 5000);
        assertThat(ex.closed()).as("closed, not left hanging").isTrue();
        RawHttp.Response r = ex.responses().get(0);
        assertThat(r.status()).isEqualTo(400);
        assertThat(cloudError(r).path("code").asText()).isEqualTo("InvalidTransferEncoding");
    }

    @Test
    void aValidRequestFollowedByGarbageKeepsItsAnswer() throws IOException {
        RawHttp.Exchange ex = RawHttp.send(port, "GET /backupmock/admin/clock HTTP/1.1\r\nHost: x\r\n\r\n"
                + "GARBAGE\r\n\r\n", 5000);
        List<RawHttp.Response> responses = ex.responses();
        assertThat(responses).as(ex.text()).isNotEmpty();
        assertThat(responses.get(0).status()).as(ex.text()).isEqualTo(200);
        assertThat(responses.get(0).body()).contains("\"mode\"");
        assertThat(ex.closed()).isTrue();
    }

    @Test
    void expectContinueGetsTheInterimAnswerBeforeTheBodyIsSent() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(("POST /backupmock/admin/clock HTTP/1.1\r\nHost: x\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 20\r\nExpect: 100-continue\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = socket.getInputStream();
            byte[] interim = new byte[25];
            int read = 0;
            while (read < interim.length) {
                int n = in.read(interim, read, interim.length - read);
                assertThat(n).as("the 100 arrives without the body being sent").isPositive();
                read += n;
            }
            assertThat(new String(interim, StandardCharsets.ISO_8859_1)).startsWith("HTTP/1.1 100 Continue");
            socket.getOutputStream().write("{\"advance\": \"PT1S\"}\n".getBytes(StandardCharsets.ISO_8859_1));
            socket.shutdownOutput();
            RawHttp.Exchange rest = RawHttp.readAll(socket);
            assertThat(rest.text()).contains("200 OK").contains("\"instant\"");
        }
    }

    @Test
    void anUnsupportedExpectationIs417() throws IOException {
        RawHttp.Response r = RawHttp.send(port, get("/backupmock/admin/clock", "Expect: teapot\r\n"), 5000)
                .responses().get(0);
        assertThat(r.status()).isEqualTo(417);
        assertThat(cloudError(r).path("code").asText()).isEqualTo("ExpectationFailed");
    }

    @Test
    void anAbsoluteFormTargetIsRoutedByItsPath() throws IOException {
        String authority = "127.0.0.1:" + port;
        RawHttp.Response admin = RawHttp.send(port, get("http://" + authority + "/backupmock/admin/clock"), 3000)
                .responses().get(0);
        assertThat(admin.status()).as("the admin API, not an ARM 401").isEqualTo(200);
        assertThat(admin.body()).contains("\"mode\":\"virtual\"");

        String subscription = UUID.randomUUID().toString();
        String fault = "{\"subscriptionId\": \"" + subscription + "\", \"status\": 503}";
        RawHttp.Response added = RawHttp.send(port, "POST /backupmock/admin/faults HTTP/1.1\r\nHost: x\r\n"
                + "Content-Type: application/json\r\nConnection: close\r\nContent-Length: " + fault.length() + "\r\n\r\n" + fault, 3000)
                .responses().get(0);
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        RawHttp.Response faulted = RawHttp.send(port, get("http://" + authority + vault(subscription)
                + "/backupJobs?api-version=2019-05-13"), 3000).responses().get(0);
        assertThat(faulted.status()).as("the subscription's fault applies").isEqualTo(503);
        assertThat(cloudError(faulted).path("code").asText()).isEqualTo("ServiceUnavailable");
    }

    @Test
    void tooManyHeadersParametersOrCharactersAreCloudErrors() throws IOException {
        String headers = IntStream.range(0, 201).mapToObj(i -> "X-Extra-" + i + ": 1\r\n").collect(Collectors.joining());
        RawHttp.Response manyHeaders = RawHttp.send(port, get("/backupmock/admin/clock", headers), 3000)
                .responses().get(0);
        assertThat(manyHeaders.status()).isEqualTo(431);
        assertThat(cloudError(manyHeaders).path("message").asText()).contains("limit is 200");

        RawHttp.Response bigHeader = RawHttp.send(port, get("/backupmock/admin/clock",
                "X-Big: " + "a".repeat(70_000) + "\r\n"), 3000).responses().get(0);
        assertThat(bigHeader.status()).isEqualTo(431);
        cloudError(bigHeader);

        String query = IntStream.range(0, 1001).mapToObj(i -> "p" + i + "=1").collect(Collectors.joining("&"));
        RawHttp.Response manyParameters = RawHttp.send(port, get("/backupmock/admin/clock?" + query), 3000)
                .responses().get(0);
        assertThat(manyParameters.status()).isEqualTo(400);
        assertThat(cloudError(manyParameters).path("message").asText()).contains("limit is 1000");

        RawHttp.Response longTarget = RawHttp.send(port, get("/" + "a".repeat(17_000)), 3000).responses().get(0);
        assertThat(longTarget.status()).isEqualTo(414);
        assertThat(cloudError(longTarget).path("message").asText()).contains("limit is 16384");
    }

    @Test
    void aHugeFilterIsABadRequestNamingTheLimitNotAStackOverflow() throws IOException {
        String subscription = UUID.randomUUID().toString();
        RawHttp.Response r = RawHttp.send(port, get(vault(subscription) + "/backupJobs?api-version=2019-05-13"
                + "&$filter=status%20eq%20%27" + "A".repeat(10_000) + "%27"), 5000).responses().get(0);
        assertThat(r.status()).isEqualTo(400);
        assertThat(cloudError(r).path("message").asText()).contains("the limit is 2048 characters");
    }

    @Test
    void theClockCannotBeMovedPastYear9999AndTheServerKeepsAnswering() throws IOException {
        try (BackupMockServer own = BackupMockServer.builder().noHttps().httpPort(0)
                .clock(new VirtualClock(Instant.parse("2026-11-25T08:00:00Z"))).start()) {
            int p = own.httpUri().getPort();
            for (String body : List.of("{\"advance\": \"P99999999D\"}", "{\"advance\": \"PT9223372036854775807S\"}",
                    "{\"set\": \"+10000-01-01T00:00:00Z\"}", "{\"autoAdvance\": \"P99999999D\"}")) {
                RawHttp.Response r = RawHttp.send(p, "POST /backupmock/admin/clock HTTP/1.1\r\nHost: x\r\n"
                        + "Content-Type: application/json\r\nConnection: close\r\nContent-Length: " + body.length() + "\r\n\r\n" + body, 3000)
                        .responses().get(0);
                assertThat(r.status()).as(body + " -> " + r.body()).isEqualTo(400);
                cloudError(r);
            }
            String set = "{\"set\": \"9999-12-31T23:59:00Z\"}";
            assertThat(RawHttp.send(p, "POST /backupmock/admin/clock HTTP/1.1\r\nHost: x\r\n"
                    + "Content-Type: application/json\r\nConnection: close\r\nContent-Length: " + set.length() + "\r\n\r\n" + set, 3000)
                    .responses().get(0).status()).isEqualTo(200);
            RawHttp.Response arm = RawHttp.send(p, get(vault(UUID.randomUUID().toString())
                    + "/backupJobs?api-version=2019-05-13"), 3000).responses().get(0);
            assertThat(arm.status()).as(arm.body()).isEqualTo(200);
            assertThat(arm.header("Date")).isEqualTo("Fri, 31 Dec 9999 23:59:00 GMT");
        }
    }

    @Test
    void slowAndIdleConnectionsAreClosed() throws IOException {
        EdgeLimits quick = EdgeLimits.DEFAULTS.withTimeouts(Duration.ofMillis(500), Duration.ofMillis(500),
                Duration.ofSeconds(1));
        try (BackupMockServer own = BackupMockServer.builder().noHttps().httpPort(0).edgeLimits(quick).start()) {
            int p = own.httpUri().getPort();
            long started = System.nanoTime();
            RawHttp.Exchange slow = RawHttp.send(p, "GET /backupmock/admin/clock HTTP/1.1\r\nHost: x\r\nX-Slow: ", 8000);
            assertThat(slow.closed()).as("half-sent headers are cut off").isTrue();
            try (Socket idle = new Socket("127.0.0.1", p)) {
                idle.setSoTimeout(8000);
                assertThat(RawHttp.readAll(idle).closed()).as("an idle connection is closed").isTrue();
            }
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
        }
    }
}
