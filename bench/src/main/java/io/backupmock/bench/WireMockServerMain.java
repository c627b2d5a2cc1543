package io.backupmock.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The usual alternative to backup-mock, for {@code run-comparison.sh}: WireMock with one stub, as a
 * test suite would write it, answering the job GET with fixed bytes, tuned as WireMock's own advice
 * for load tests goes: no request journal (by default it keeps every request, so a long run fills
 * its heap and its GC then takes the CPU from whatever is measured next) and no logging of stub
 * requests. Everything else is WireMock's default.
 *
 * <p>Runs from its own jar, not from benchmarks.jar: {@code java -cp
 * bench/target/backup-mock-bench-0.1.0-SNAPSHOT.jar:bench/target/wiremock/wiremock-standalone.jar
 * io.backupmock.bench.WireMockServerMain <port> <bodyFile> [headersFile]}. Port 0 picks a free one;
 * the headers file, as {@code curl -D} writes it, is replayed (except Content-Length and
 * Connection); without one only {@code Content-Type: application/json} is sent. Prints its base
 * URL once ready.
 */
public final class WireMockServerMain {
    /** Any job of any vault, as a stub for the emulated API would match it. */
    static final String JOB_PATH = "/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft\\.RecoveryServices"
            + "/vaults/[^/]+/backupJobs/[^/]+";

    private WireMockServerMain() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: WireMockServerMain <port> <bodyFile> [headersFile]");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        byte[] body = Files.readAllBytes(Path.of(args[1]));
        HttpHeaders headers = args.length == 3 ? replayed(Path.of(args[2]))
                : new HttpHeaders(new HttpHeader("Content-Type", "application/json"));

        WireMockConfiguration config = options().bindAddress("127.0.0.1").disableRequestJournal()
                .stubRequestLoggingDisabled(true);
        config = port == 0 ? config.dynamicPort() : config.port(port);
        WireMockServer server = new WireMockServer(config);
        server.start();
        server.stubFor(get(urlPathMatching(JOB_PATH))
                .withQueryParam("api-version", equalTo("2019-05-13"))
                .willReturn(aResponse().withStatus(200).withHeaders(headers).withBody(body)));
        System.out.println("http://127.0.0.1:" + server.port());
        System.out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "wiremock-stop"));
    }

    private static HttpHeaders replayed(Path file) throws IOException {
        List<HttpHeader> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String l = line.strip();
            int colon = l.indexOf(':');
            if (l.startsWith("HTTP/") || colon <= 0) {
                continue;
            }
            String name = l.substring(0, colon).strip();
            if (name.equalsIgnoreCase("Content-Length") || name.equalsIgnoreCase("Connection")
                    || name.equalsIgnoreCase("Transfer-Encoding")) {
                continue;
            }
            out.add(new HttpHeader(name, l.substring(colon + 1).strip()));
        }
        return new HttpHeaders(out);
    }
}
