package io.backupmock.server.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.backupmock.server.wire.Json;
import com.fasterxml.jackson.databind.JsonNode;
import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An {@link Error} anywhere behind the edge answers a 500 CloudError, logged once with its request data escaped. */
class ErrorBoundaryTest {

    private static int start(Undertow[] holder, HttpHandler inner) {
        Undertow undertow = EdgeHandler.configure(Undertow.builder().addHttpListener(0, "127.0.0.1")
                .setHandler(EdgeHandler.wrap(inner, 1024 * 1024, EdgeLimits.DEFAULTS)),
                EdgeLimits.DEFAULTS).build();
        undertow.start();
        holder[0] = undertow;
        return ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
    }

    private static String captureStderr(Runnable action) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anErrorIsA500CloudErrorLoggedOnceAndEscaped() throws Exception {
        Undertow[] server = new Undertow[1];
        int port = start(server, exchange -> {
            throw new StackOverflowError("deep\r\nFORGED: log line from " + exchange.getQueryString());
        });
        try {
            RawHttp.Response[] r = new RawHttp.Response[1];
            String log = captureStderr(() -> r[0] = RawHttp.send(port,
                    "GET /x?q=%0D%0A HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 3000).responses().get(0));
            assertThat(r[0].status()).isEqualTo(500);
            JsonNode error = Json.mapper().readTree(r[0].body()).path("error");
            assertThat(error.path("code").asText()).isEqualTo("InternalServerError");
            assertThat(r[0].body()).doesNotContain("at io.").doesNotContain("Exception").doesNotContain("FORGED");
            assertThat(log).contains("StackOverflowError");
            assertThat(log.split("GET /x failed", -1)).as("logged once").hasSize(2);
            assertThat(log).doesNotContain("\nFORGED").contains("deep\\r\\nFORGED");
        } finally {
            server[0].stop();
        }
    }

    @Test
    void anErrorWhileTheBodyIsHandledIsA500CloudErrorToo() throws Exception {
        Undertow[] server = new Undertow[1];
        int port = start(server, exchange -> exchange.getRequestReceiver().receiveFullBytes((ex, bytes) -> {
            throw new OutOfMemoryError("pretend: " + bytes.length);
        }));
        try {
            String body = "x".repeat(200_000);
            for (String expect : new String[] {"", "Expect: 100-continue\r\n"}) {
                RawHttp.Exchange ex = RawHttp.send(port, "POST /y HTTP/1.1\r\nHost: x\r\nConnection: close\r\n" + expect
                        + "Content-Length: " + body.length() + "\r\n\r\n" + body, 5000);
                List<RawHttp.Response> responses = ex.responses();
                RawHttp.Response r = responses.get(responses.size() - 1);
                assertThat(r.status()).as(ex.text()).isEqualTo(500);
                assertThat(Json.mapper().readTree(r.body()).at("/error/code").asText()).isEqualTo("InternalServerError");
            }
        } finally {
            server[0].stop();
        }
    }

    @Test
    void anErrorAnswerEndedWithoutABodyGetsACloudErrorBody() throws Exception {
        Undertow[] server = new Undertow[1];
        int port = start(server, exchange -> exchange.setStatusCode(503).endExchange());
        try {
            RawHttp.Response r = RawHttp.send(port, "GET /z HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 3000).responses().get(0);
            assertThat(r.status()).isEqualTo(503);
            assertThat(Json.mapper().readTree(r.body()).at("/error/code").asText()).isEqualTo("ServiceUnavailable");
        } finally {
            server[0].stop();
        }
    }
}
