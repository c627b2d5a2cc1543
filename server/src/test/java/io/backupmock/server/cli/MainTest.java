package io.backupmock.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.backupmock.server.BackupMockServer;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    record Run(int exitCode, String out, String err) {
    }

    /** A command line that ends by itself (help, version, or a mistake), with the given environment. */
    static Run run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, env, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    static BackupMockServer start(StringWriter out, String... args) {
        return Main.start(StandaloneOptions.parse(args, Map.of()), new PrintWriter(out));
    }

    @Test
    void helpListsEveryFlagWithItsEnvironmentVariable() {
        Run run = run(Map.of(), "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--config", "--port", "--host", "--http-port", "--cert-out", "--retry-after",
                "--page-size", "--no-auth", "--no-https", "--strict", "--validate-responses", "--admin-token",
                "--fault-seed", "--state-dir", "--verbose", "--help", "--version", "verify")
                .contains("[BACKUP_MOCK_PAGE_SIZE]", "[BACKUP_MOCK_NO_HTTPS]")
                .contains("--no-auth ", "--strict ").doesNotContain("true|false>", "<true")
                .contains("--page-size <N>");
        assertThat(run(Map.of(), "-V").out()).isEqualToIgnoringNewLines(Main.VERSION);
    }

    @Test
    void aStateDirectoryItCannotKeepStateInExitsWith2(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
        Run flag = run(Map.of(), "--state-dir", file.toString(), "--port", "0");
        assertThat(flag.exitCode()).isEqualTo(2);
        assertThat(flag.err()).contains("cannot keep state", "not-a-dir");
        Run env = run(Map.of("BACKUP_MOCK_STATE_DIR", file.toString()), "--port", "0");
        assertThat(env.exitCode()).isEqualTo(2);
        assertThat(env.err()).contains("cannot keep state", "not-a-dir");

        Path state = dir.resolve("state");
        Path config = Files.writeString(dir.resolve("config.yaml"), "stateDir: state\n");
        try (BackupMockServer running = start(new StringWriter(), "--config", config.toString(), "--port", "0")) {
            assertThat(state.resolve("state.log")).as("relative to the configuration file").exists();
            Run second = run(Map.of(), "--state-dir", state.toString(), "--port", "0");
            assertThat(second.exitCode()).isEqualTo(2);
            assertThat(second.err()).contains("cannot keep state", "in use by another running emulator");
        }
    }

    @Test
    void badFlagsExitWith2AndSayWhy() {
        Run word = run(Map.of(), "--port", "eighty");
        assertThat(word.exitCode()).isEqualTo(Main.USAGE);
        assertThat(word.err()).contains("--port", "'eighty'", "--help");
        assertThat(run(Map.of(), "--page-size", "0").err())
                .contains("invalid value for --page-size: '0' must be at least 1").doesNotContain("pageSize");
        assertThat(run(Map.of("BACKUP_MOCK_PAGE_SIZE", "0"), "--port", "0").err())
                .contains("BACKUP_MOCK_PAGE_SIZE (--page-size): '0' must be at least 1");
        assertThat(run(Map.of(), "--retry-after", "-1").err()).contains("--retry-after: '-1' must be at least 0");
        assertThat(run(Map.of(), "--port", "70000").err()).contains("--port", "is not a port");
        assertThat(run(Map.of(), "--strict=maybe").err()).contains("--strict", "'maybe'", "neither true nor false");
        Run unknown = run(Map.of(), "--prot", "8443");
        assertThat(unknown.exitCode()).isEqualTo(Main.USAGE);
        assertThat(unknown.err()).contains("--prot");
        assertThat(run(Map.of(), "serve").err()).contains("unexpected argument 'serve'");
    }

    @Test
    void aBadEnvironmentVariableIsNamed() {
        Run run = run(Map.of("BACKUP_MOCK_RETRY_AFTER", "soon"), "--port", "0");
        assertThat(run.exitCode()).isEqualTo(Main.USAGE);
        assertThat(run.err()).contains("BACKUP_MOCK_RETRY_AFTER (--retry-after)", "'soon'");
    }

    @Test
    void flagsBeatTheirEnvironmentVariables() {
        Map<String, String> env = Map.of("BACKUP_MOCK_PAGE_SIZE", "3", "BACKUP_MOCK_STRICT", "true",
                "BACKUP_MOCK_NO_AUTH", "true", "BACKUP_MOCK_HOST", "localhost");
        StandaloneOptions fromEnv = StandaloneOptions.parse(new String[0], env);
        assertThat(fromEnv.pageSize()).isEqualTo(3);
        assertThat(fromEnv.strict()).isTrue();
        assertThat(fromEnv.noAuth()).isTrue();
        assertThat(fromEnv.host()).isEqualTo("localhost");
        assertThat(fromEnv.port()).isNull();
        StandaloneOptions flags = StandaloneOptions.parse(
                new String[] {"--page-size", "5", "--strict=false", "--no-auth", "false", "--host", "0.0.0.0"}, env);
        assertThat(flags.pageSize()).isEqualTo(5);
        assertThat(flags.strict()).isFalse();
        assertThat(flags.noAuth()).isFalse();
        assertThat(flags.host()).isEqualTo("0.0.0.0");
        assertThat(StandaloneOptions.parse(new String[] {"--no-auth"}, Map.of("BACKUP_MOCK_NO_AUTH", "false"))
                .noAuth()).as("bare is on, and beats the variable").isTrue();
        assertThat(StandaloneOptions.parse(new String[] {"--strict", "--page-size", "4"}, Map.of()).pageSize())
                .isEqualTo(4);
        // --verbose is read from the parsed options (logging follows them), in every spelling.
        assertThat(StandaloneOptions.parse(new String[] {"--verbose=true"}, Map.of()).verbose()).isTrue();
        assertThat(StandaloneOptions.parse(new String[] {"--verbose=false"}, Map.of("BACKUP_MOCK_VERBOSE", "true"))
                .verbose()).isFalse();
        assertThat(StandaloneOptions.parse(new String[0], Map.of("BACKUP_MOCK_VERBOSE", "true")).verbose()).isTrue();
    }

    @Test
    void aTakenPortOrAnUnknownHostExitsWith1() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Run run = run(Map.of(), "--port", String.valueOf(taken.getLocalPort()));
            assertThat(run.exitCode()).isEqualTo(Main.CANNOT_LISTEN);
            assertThat(run.err()).contains("cannot listen", "--port");
        }
        Run unknownHost = run(Map.of(), "--host", "no-such-host.invalid", "--port", "0");
        assertThat(unknownHost.exitCode()).isEqualTo(Main.CANNOT_LISTEN);
        assertThat(unknownHost.err()).contains("cannot listen", "no-such-host.invalid");
    }

    @Test
    void startsHttpsAndHttpPrintsTheirUrlsAndWritesTheCertificate(@TempDir Path dir) throws Exception {
        Path pem = dir.resolve("out/cert.pem");
        StringWriter out = new StringWriter();
        try (BackupMockServer server = start(out, "--port", "0", "--http-port", "0", "--cert-out", pem.toString(),
                "--retry-after", "7")) {
            List<String> lines = out.toString().lines().toList();
            assertThat(lines).hasSize(2);
            assertThat(lines.get(0)).matches("(https://127\\.0\\.0\\.1:\\d+)  admin API: \\1/backupmock/admin");
            assertThat(lines.get(1)).matches("(http://127\\.0\\.0\\.1:\\d+)  admin API: \\1/backupmock/admin");
            lines = lines.stream().map(StartLines::baseOf).toList();

            X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(pem)));
            assertThat(cert.getSubjectAlternativeNames().stream().map(san -> (Object) san.get(1)).toList())
                    .contains((Object) "localhost", "127.0.0.1");
            assertThat(cert).as("the standalone serves a key of its own, not the one in the jar")
                    .isEqualTo(server.certificate().certificate())
                    .isNotEqualTo(io.backupmock.server.tls.SelfSignedCertificate.embedded().certificate());

            HttpClient client = HttpClient.newBuilder().sslContext(server.certificate().clientContext()).build();
            String path = "/subscriptions/" + java.util.UUID.randomUUID() + "/resourceGroups/testVaultRG/providers/"
                    + "Microsoft.RecoveryServices/vaults/testVault/backupFabrics/Azure/protectionContainers/"
                    + "IaasVMContainer;iaasvmcontainerv2;testRG;testVM/protectedItems/VM;iaasvmcontainerv2;testRG;testVM"
                    + "/backup?api-version=2016-12-01";
            HttpResponse<String> accepted = client.send(HttpRequest.newBuilder(URI.create(lines.get(0) + path))
                    .header("Authorization", "Bearer t")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"properties\":{\"objectType\":\"IaasVMBackupRequest\"}}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(accepted.statusCode()).isEqualTo(202);
            assertThat(accepted.headers().firstValue("Retry-After")).hasValue("7");
            assertThat(accepted.headers().firstValue("Location").orElseThrow()).startsWith(lines.get(0) + "/");
        }
    }

    @Test
    void noHttpsServesOnlyPlainHttp() throws Exception {
        StringWriter out = new StringWriter();
        try (BackupMockServer server = start(out, "--no-https", "--http-port", "0")) {
            List<String> lines = out.toString().lines().toList();
            assertThat(lines).singleElement().asString().matches("http://127\\.0\\.0\\.1:\\d+  admin API: .*");
            lines = lines.stream().map(StartLines::baseOf).toList();
            assertThat(server.baseUri()).hasToString(lines.get(0));
            HttpResponse<String> list = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(lines.get(0)
                    + "/subscriptions/" + java.util.UUID.randomUUID() + "/resourceGroups/rg/providers/"
                    + "Microsoft.RecoveryServices/vaults/v/backupJobs?api-version=2019-05-13"))
                    .header("Authorization", "Bearer t").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(list.statusCode()).isEqualTo(200);
            assertThat(list.body()).contains("\"value\":[]");
        }
    }

    @Test
    void noHttpsNeedsAnHttpPortAndRefusesHttpsFlags() {
        for (String[] args : List.of(new String[] {"--no-https"},
                new String[] {"--no-https", "--http-port", "0", "--port", "8443"},
                new String[] {"--no-https", "--http-port", "0", "--cert-out", "c.pem"})) {
            Run run = run(Map.of(), args);
            assertThat(run.exitCode()).isEqualTo(Main.USAGE);
            assertThat(run.err()).contains("--no-https");
        }
    }
}
