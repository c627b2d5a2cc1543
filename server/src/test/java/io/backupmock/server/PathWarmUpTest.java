package io.backupmock.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.backupmock.server.edge.EdgeLimits;
import io.backupmock.server.state.Settings;
import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PathWarmUpTest {
    @Test
    void warmsUpWithRequestsOfItsOwnThatTheServedHandlerNeverSees() throws Exception {
        AtomicInteger seen = new AtomicInteger();
        HttpHandler served = exchange -> {
            seen.incrementAndGet();
            exchange.getResponseSender().send("served");
        };
        PathWarmUp warmUp = new PathWarmUp(served, Settings.DEFAULTS, EdgeLimits.DEFAULTS);
        Undertow undertow = Undertow.builder().addHttpListener(0, "127.0.0.1").setHandler(warmUp).build();
        undertow.start();
        try {
            int port = ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
            URI base = URI.create("http://127.0.0.1:" + port);
            warmUp.begin(base, null, null);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (warmUp.sent() < 2_000 && System.nanoTime() < deadline) {
                java.util.concurrent.locks.LockSupport.parkNanos(10_000_000);
            }
            assertThat(warmUp.sent()).as("requests the warm-up had answered").isGreaterThanOrEqualTo(2_000);
            assertThat(seen).hasValue(0);

            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> guessed = client.send(HttpRequest.newBuilder(base.resolve("/x"))
                    .header(PathWarmUp.TOKEN_HEADER.toString(), "00000000-0000-0000-0000-000000000000").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(guessed.body()).isEqualTo("served");
            assertThat(seen).hasValue(1);
        } finally {
            undertow.stop();
        }
    }
}
