package io.backupmock.server.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.backupmock.server.BackupMockServer;
import io.backupmock.server.state.Settings;
import io.backupmock.server.clock.VirtualClock;
import io.backupmock.server.wire.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Hostile requests over every route, sent as raw bytes: paths, queries, headers and bodies no
 * client should send (deep nesting, huge strings, invalid UTF-8, NULs, wrong types, every method).
 * Whatever arrives, the answer is never a 5xx, every 4xx is a CloudError, no body holds a stack
 * trace, and the server still serves afterwards. Malformed framing is answered either with a
 * CloudError or with Undertow's own empty 400 for exactly the inputs docs/limits.md lists. A body
 * that is merely incomplete is not sent: the server rightly waits for the rest (up to its idle
 * timeout). Tries are kept to some twenty seconds in all; the totals by status class are printed
 * and written to {@code target/fuzz-totals.txt}.
 */
class HostileRequestsFuzzTest {
    private static final String SUB = "00000000-0000-0000-0000-00000000f022";
    private static final String VAULT = "/subscriptions/{sub}/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/v";
    private static final String ITEM = VAULT + "/backupFabrics/Azure/protectionContainers/"
            + "IaasVMContainer;iaasvmcontainerv2;rg;vm/protectedItems/VM;iaasvmcontainerv2;rg;vm";
    private static final String ADMIN_TOKEN = "fuzz-admin-token";
    /** Every route served (the ARM operations, the export blobs, the admin API), with its method. */
    private static final List<String> ROUTES = List.of(
            "GET " + ITEM, "PUT " + ITEM, "DELETE " + ITEM, "POST " + ITEM + "/backup",
            "POST " + ITEM + "/recoveryPoints/{x}/restore", "GET " + ITEM + "/operationsStatus/{x}",
            "GET " + ITEM + "/operationResults/{x}", "GET " + VAULT + "/backupOperations/{x}",
            "GET " + VAULT + "/backupOperationResults/{x}", "GET " + VAULT + "/backupProtectedItems",
            "GET " + VAULT + "/backupJobs", "GET " + VAULT + "/backupJobs/{x}", "POST " + VAULT + "/backupJobs/{x}/cancel",
            "GET " + VAULT + "/backupJobs/{x}/operationResults/{x}", "POST " + VAULT + "/backupJobsExport",
            "GET " + VAULT + "/backupJobs/operationResults/{x}", "GET /backupmock-exports/reportcontainer/{x}",
            "GET /backupmock/admin", "GET /backupmock/admin/openapi.json", "GET /backupmock/admin/vaults",
            "POST /backupmock/admin/vaults", "GET /backupmock/admin/vaults/{sub}/rg/v/jobs",
            "POST /backupmock/admin/vaults/{sub}/rg/v/jobs", "POST /backupmock/admin/vaults/{sub}/rg/v/jobs/{x}/fail",
            "GET /backupmock/admin/vaults/{sub}/rg/v/nextJobs", "POST /backupmock/admin/vaults/{sub}/rg/v/nextJobs",
            "GET /backupmock/admin/vaults/{sub}/rg/v/operations", "GET /backupmock/admin/scenario",
            "PUT /backupmock/admin/scenario", "GET /backupmock/admin/rules", "POST /backupmock/admin/rules",
            "GET /backupmock/admin/clock", "POST /backupmock/admin/clock", "GET /backupmock/admin/journal",
            "GET /backupmock/admin/faults", "POST /backupmock/admin/provider-states");
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS",
            "TRACE", "MERGE", "X-NONSENSE");
    private static final Pattern STACK_TRACE = Pattern.compile(
            "\\bat (java|javax|jdk|sun|io\\.undertow|io\\.backupmock|org\\.xnio|com\\.fasterxml)\\.[\\w$.]+\\(|Caused by: ");

    /** Sent after an encoded CR LF in paths, queries and bodies: no log line may start with it. */
    private static final String FORGED = "FORGED-LOG-LINE";
    private static final ByteArrayOutputStream LOGGED = new ByteArrayOutputStream();
    private static PrintStream originalErr;
    private static BackupMockServer server;
    private static int port;
    private static final Map<String, AtomicLong> TOTALS = new ConcurrentHashMap<>();

    @BeforeContainer
    static void start() {
        originalErr = System.err;
        System.setErr(new PrintStream(new TeeStream(originalErr, LOGGED), true, StandardCharsets.UTF_8));
        server = BackupMockServer.builder().noHttps().httpPort(0)
                .clock(new VirtualClock(Instant.parse("2026-11-25T08:00:00Z")))
                .settings(Settings.DEFAULTS.toBuilder().adminToken(ADMIN_TOKEN).build()).start();
        port = server.httpUri().getPort();
    }

    @AfterContainer
    static void stop() throws IOException {
        Map<String, Long> totals = new TreeMap<>();
        TOTALS.forEach((k, v) -> totals.put(k, v.get()));
        String line = "hostile-request fuzz totals by status class: " + totals;
        System.out.println(line);
        Path target = Path.of("target");
        if (Files.isDirectory(target)) {
            Files.writeString(target.resolve("fuzz-totals.txt"), line + System.lineSeparator());
        }
        server.close();
        System.setErr(originalErr);
        String logged;
        synchronized (LOGGED) {
            logged = LOGGED.toString(StandardCharsets.UTF_8);
        }
        for (String logLine : logged.split("\r\n|\r|\n")) {
            assertThat(logLine).as("a log line starts with request data").doesNotStartWith(FORGED);
        }
    }

    /** Writes to the console and keeps a copy. */
    private static final class TeeStream extends java.io.OutputStream {
        private final java.io.OutputStream console;
        private final ByteArrayOutputStream copy;

        TeeStream(java.io.OutputStream console, ByteArrayOutputStream copy) {
            this.console = console;
            this.copy = copy;
        }

        @Override
        public void write(int b) throws IOException {
            console.write(b);
            synchronized (copy) {
                copy.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            console.write(b, off, len);
            synchronized (copy) {
                copy.write(b, off, len);
            }
        }
    }

    // ------------------------------------------------------------------ properties

    @Property(tries = 2000, shrinking = ShrinkingMode.BOUNDED)
    void wellFramedHostileRequestsGetCloudErrorsAndNever5xx(@ForAll("wellFramed") byte[] request) {
        Answer answer = exchange(request);
        assertSane(answer, request, false);
    }

    @Property(tries = 400, shrinking = ShrinkingMode.BOUNDED)
    void malformedFramingIsRefusedAsDocumentedAndNeverHangs(@ForAll("malformed") byte[] request) {
        Answer answer = exchange(request);
        assertSane(answer, request, true);
    }

    // ------------------------------------------------------------------ checks

    private static void assertSane(Answer answer, byte[] request, boolean framingMayBeUndertows) {
        String shown = show(request);
        assertThat(answer.timedOut).as("no answer and no close within 10 s for %s", shown).isFalse();
        if (answer.status == 0) {
            // Closed without an answer: only for heads over 1 MiB, never generated here.
            throw new AssertionError("connection closed without an answer for " + shown);
        }
        TOTALS.computeIfAbsent(answer.status / 100 + "xx", k -> new AtomicLong()).incrementAndGet();
        assertThat(answer.status).as("%s\n-> %s", shown, answer.text).isLessThan(500);
        assertThat(STACK_TRACE.matcher(answer.text).find()).as("stack trace in %s", answer.text).isFalse();
        if (answer.status >= 400 && !answer.head) {
            boolean undertows = answer.body.isEmpty() && answer.headers.toLowerCase().contains("connection: close")
                    && answer.status == 400;
            if (framingMayBeUndertows && undertows) {
                TOTALS.computeIfAbsent("of which 400 by Undertow (documented)", k -> new AtomicLong()).incrementAndGet();
            } else {
                JsonNode error;
                try {
                    error = Json.mapper().readTree(answer.body).path("error");
                } catch (IOException e) {
                    throw new AssertionError("not a CloudError: " + answer.text + "\nfor " + shown, e);
                }
                assertThat(error.path("code").isTextual()).as("%s\nfor %s", answer.text, shown).isTrue();
                assertThat(error.path("message").isTextual()).as("%s\nfor %s", answer.text, shown).isTrue();
            }
        }
        if (answer.status == 201 && new String(request, StandardCharsets.ISO_8859_1).startsWith("POST /backupmock/admin/faults")) {
            exchange(("DELETE /backupmock/admin/faults HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + ADMIN_TOKEN
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        }
        Answer health = exchange(("GET /backupmock/admin/clock HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                + ADMIN_TOKEN + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        assertThat(health.status).as("the server still serves after %s", shown).isEqualTo(200);
    }

    private static String show(byte[] request) {
        String text = new String(request, StandardCharsets.ISO_8859_1);
        return (text.length() > 600 ? text.substring(0, 600) + "…(" + text.length() + " bytes)" : text)
                .replace("\r", "\\r").replace("\n", "\\n\n");
    }

    // ------------------------------------------------------------------ generators

    @Provide
    Arbitrary<byte[]> wellFramed() {
        Arbitrary<String> methodAndPath = Combinators.combine(
                Arbitraries.of(ROUTES), Arbitraries.of(METHODS).injectNull(0.6), segment(), Arbitraries.of(SUB, "x"))
                .as((route, method, x, sub) -> {
                    int space = route.indexOf(' ');
                    String path = route.substring(space + 1).replace("{sub}", sub).replace("{x}", x);
                    return (method == null ? route.substring(0, space) : method) + " " + path;
                });
        Arbitrary<String> query = Combinators.combine(
                Arbitraries.of("", "api-version=2019-05-13", "api-version=2016-12-01", "api-version=" ).injectNull(0.1),
                queryPair().list().ofMaxSize(6))
                .as((version, pairs) -> {
                    StringBuilder q = new StringBuilder(version == null ? "api-version=%00" : version);
                    pairs.forEach(p -> q.append(q.length() == 0 ? "" : "&").append(p));
                    return q.length() == 0 ? "" : "?" + q;
                });
        Arbitrary<String> headers = header().list().ofMaxSize(8).map(list -> String.join("", list));
        Arbitrary<String> auth = Arbitraries.of("Authorization: Bearer t\r\n", "Authorization: Bearer " + ADMIN_TOKEN
                + "\r\n", "", "Authorization: Basic Zm9vOmJhcg==\r\n", "Authorization: Bearer\r\n",
                "Authorization: Bearer " + ADMIN_TOKEN + "x\r\n");
        return Combinators.combine(methodAndPath, query, auth, headers, body())
                .as((mp, q, a, h, b) -> {
                    String head = mp + q + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + a + h
                            + (b.length > 0 || mp.startsWith("POST") || mp.startsWith("PUT")
                               ? "Content-Length: " + b.length + "\r\n" : "")
                            + "Connection: close\r\n\r\n";
                    return concat(head.getBytes(StandardCharsets.ISO_8859_1), b);
                });
    }

    @Provide
    Arbitrary<byte[]> malformed() {
        Arbitrary<String> lines = Arbitraries.oneOf(
                Arbitraries.of(
                        "GET /% HTTP/1.1\r\nHost: x\r\n\r\n",
                        "GET /%zz HTTP/1.1\r\nHost: x\r\n\r\n",
                        "GET /backupmock/admin/clock?x=%u0041 HTTP/1.1\r\nHost: x\r\n\r\n",
                        "GET /a b HTTP/1.1\r\nHost: x\r\n\r\n",
                        "GET * HTTP/1.1\r\nHost: x\r\n\r\n",
                        "GARBAGE\r\n\r\n",
                        "GET /backupmock/admin/clock HTTP/1.1\r\n\r\n",
                        "GET /backupmock/admin/clock HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n",
                        "GET http://elsewhere/backupmock/admin/clock HTTP/1.1\r\nHost: x\r\n\r\n",
                        "POST /backupmock/admin/clock HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n0\r\n\r\n",
                        "POST /backupmock/admin/clock HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd",
                        "POST /backupmock/admin/clock HTTP/1.1\r\nHost: x\r\nContent-Length: x\r\n\r\n",
                        "POST /backupmock/admin/clock HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\nabc",
                        "POST /backupmock/admin/clock HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n",
                        "POST /backupmock/admin/clock HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n\r\n",
                        "GET /backupmock/admin/clock HTTP/1.1\r\nHost: x\r\nExpect: 200-ok\r\n\r\n",
                        "GET /backupmock/admin/clock HTTP/1.1\r\nHost: x\r\nBad Header: y\r\n\r\n",
                        "GET /backupmock/admin/clock HTTP/1.1\r\nHost: x\r\nX: a\u0000b\r\n\r\n",
                        "GET /backupmock/admin/clock HTTP/1.1\r\nHost: x\r\nX: a\rb\r\n\r\n",
                        "GET /backupmock/admin/clock HTTP/1.1\r\nHost: x\r\n\r\nGARBAGE\r\n\r\n",
                        "GET /backupmock/admin/clock HTTP/9.9\r\nHost: x\r\n\r\n",
                        "GET /backupmock/admin/clock HTTP/1.0\r\n\r\n"),
                Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(300).map(s -> s + "\r\n\r\n"),
                Arbitraries.integers().between(1, 1400).map(n -> "GET /backupmock/admin/clock HTTP/1.1\r\nHost: x\r\n"
                        + "X-Same: 1\r\n".repeat(n) + "\r\n"),
                Arbitraries.integers().between(900, 12_000).map(n -> "GET /backupmock/admin/clock?"
                        + "p=1&".repeat(n) + " HTTP/1.1\r\nHost: x\r\n\r\n"));
        return lines.map(s -> s.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** A path segment: ordinary, hostile, percent-encoded so the request line stays well-formed. */
    private static Arbitrary<String> segment() {
        return Arbitraries.oneOf(
                Arbitraries.of("x", "00000000-0000-0000-0000-000000000000", "..", ".", "%2e%2e", "%2F", "%3B",
                        "a;b=c", "%00", "%0D%0A" + FORGED, "%0A" + FORGED, "%C3%28", "%FF%FE", "operationResults", "cancel", ""),
                Arbitraries.strings().ofMaxLength(40).map(HostileRequestsFuzzTest::percentEncode),
                Arbitraries.integers().between(1, 12_000).map(n -> "A".repeat(n)));
    }

    private static Arbitrary<String> queryPair() {
        Arbitrary<String> names = Arbitraries.of("$filter", "%24filter", "$skiptoken", "$skipToken", "api-version",
                "$top", "subscriptionId", "x", "", "%00");
        Arbitrary<String> values = Arbitraries.oneOf(
                Arbitraries.of("status%20eq%20%27InProgress%27", "status%20eq%20%27", "%27%27%27",
                        "startTime%20eq%20%2799999-01-01%27", "jobId%20eq%20%27a%27%20and%20jobId%20eq%20%27b%27",
                        "status%20eq%20%27" + "(".repeat(500) + "%27", "eyJ4IjoxfQ", "%FF", "%00", "",
                        "status%20eq%20%27%0D%0A" + FORGED + "%27", "%0D%0A" + FORGED),
                Arbitraries.strings().ofMaxLength(60).map(HostileRequestsFuzzTest::percentEncode),
                Arbitraries.integers().between(1, 4000).map(n -> "status%20eq%20%27" + "A".repeat(n) + "%27"));
        return Combinators.combine(names, values).as((n, v) -> n + "=" + v);
    }

    private static Arbitrary<String> header() {
        Arbitrary<String> names = Arbitraries.of("Content-Type", "Accept", "x-ms-client-request-id",
                "x-ms-correlation-request-id", "If-Match", "Accept-Encoding", "Cookie", "X-Forwarded-Host", "Range",
                "Content-Encoding");
        Arbitrary<String> values = Arbitraries.oneOf(
                Arbitraries.of("application/json", "text/plain", "application/json; charset=utf-16", "*/*", "gzip", "",
                        "bytes=0-", "()<>@,;:\\\"/[]?={}"),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(200),
                Arbitraries.integers().between(1, 20_000).map(n -> "v".repeat(n)));
        return Combinators.combine(names, values).as((n, v) -> n + ": " + v + "\r\n");
    }

    private static Arbitrary<byte[]> body() {
        return Arbitraries.oneOf(
                Arbitraries.just(new byte[0]),
                Arbitraries.of("{}", "[]", "null", "1", "\"x\"", "true", "{\"properties\":{\"objectType\":\"IaasVMBackupRequest\"}}",
                        "{\"properties\":1}", "{\"advance\":\"P99999999D\"}", "{\"advance\":\"PT9223372036854775807S\"}",
                        "{\"set\":\"+10000-01-01T00:00:00Z\"}", "{\"autoAdvance\":[1]}",
                        "{\"duration\":\"P99999999D\"}", "[{\"tasks\":[[\"a\",\"P99999999D\"]]}]",
                        "{\"match\":{},\"script\":{\"cancellationTime\":\"PT9223372036854775807S\"}}",
                        "{\"jobs\":[{\"operation\":\"Backup\",\"duration\":\"-PT1S\"}]}",
                        "{\"state\":\"x\",\"params\":{\"a\":[1,{\"b\":null}]}}",
                        "{\"state\":\"\\r\\n" + FORGED + "\"}", "{\"advance\":\"\\n" + FORGED + "\"}", "{\"a\":\"\u0000\"}", "{\"a\":1e999999}",
                        "{\"a\":" + "9".repeat(5000) + "}", "{\"a\"", "{'a':1}", "\uFEFF{}")
                        .map(s -> s.getBytes(StandardCharsets.UTF_8)),
                Arbitraries.integers().between(1, 100_000).map(n -> ("[".repeat(n) + "]".repeat(n)).getBytes(StandardCharsets.UTF_8)),
                Arbitraries.integers().between(1, 50_000).map(n -> ("{\"a\":".repeat(n) + "1" + "}".repeat(n)).getBytes(StandardCharsets.UTF_8)),
                Arbitraries.integers().between(1, 1_200_000).map(n -> ("{\"x\":\"" + "y".repeat(n) + "\"}").getBytes(StandardCharsets.UTF_8)),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(2000),
                Arbitraries.of(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'},
                        new byte[] {(byte) 0xFF, (byte) 0xFE, 0, '{', 0, '}'}, new byte[] {0, 0, 0, 0}));
    }

    private static String percentEncode(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                    || c == '.' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return out.toString();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    // ------------------------------------------------------------------ the wire

    /** One answer: the first response on the connection (by Content-Length), and whether the wait ran out. */
    private record Answer(int status, String headers, String body, String text, boolean timedOut, boolean head) {
    }

    private static Answer exchange(byte[] request) {
        boolean head = new String(request, 0, Math.min(5, request.length), StandardCharsets.ISO_8859_1).startsWith("HEAD ");
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            try {
                socket.getOutputStream().write(request);
                socket.getOutputStream().flush();
            } catch (IOException e) {
                // The server may answer and close before a large body is all sent: read what it said.
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            boolean timedOut = false;
            try {
                InputStream in = socket.getInputStream();
                byte[] buffer = new byte[16384];
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, n);
                    if (complete(out, head)) {
                        break;
                    }
                }
            } catch (SocketTimeoutException e) {
                timedOut = !complete(out, head);
            } catch (IOException e) {
                // reset after the answer
            }
            String text = out.toString(StandardCharsets.UTF_8);
            // Skip an interim 100 Continue.
            while (text.startsWith("HTTP/1.1 100")) {
                int end = text.indexOf("\r\n\r\n");
                text = end < 0 ? "" : text.substring(end + 4);
            }
            int headEnd = text.indexOf("\r\n\r\n");
            if (text.length() < 12 || headEnd < 0) {
                return new Answer(0, "", "", text, timedOut, head);
            }
            int status = Integer.parseInt(text.substring(9, 12));
            String headers = text.substring(0, headEnd);
            int length = contentLength(headers);
            int bodyEnd = head ? headEnd + 4 : Math.min(text.length(), headEnd + 4 + Math.max(0, length));
            return new Answer(status, headers, text.substring(headEnd + 4, bodyEnd), text, false, head);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean complete(ByteArrayOutputStream out, boolean head) {
        String text = out.toString(StandardCharsets.ISO_8859_1);
        while (text.startsWith("HTTP/1.1 100")) {
            int end = text.indexOf("\r\n\r\n");
            if (end < 0) {
                return false;
            }
            text = text.substring(end + 4);
        }
        int headEnd = text.indexOf("\r\n\r\n");
        if (headEnd < 0) {
            return false;
        }
        int length = contentLength(text.substring(0, headEnd));
        return head || (length >= 0 && text.length() >= headEnd + 4 + length);
    }

    private static int contentLength(String headers) {
        for (String line : headers.split("\r\n")) {
            if (line.regionMatches(true, 0, "content-length:", 0, 15)) {
                return Integer.parseInt(line.substring(15).trim());
            }
        }
        return -1;
    }
}
