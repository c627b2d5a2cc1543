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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MainTest {
    @Test
    void helpListsEveryFlag() {
        StringWriter out = new StringWriter();
        int code = new CommandLine(new Main()).setOut(new PrintWriter(out)).execute("--help");
        assertThat(code).isZero();
        assertThat(out.toString()).contains("--port", "--host", "--http-port", "--cert-out", "--retry-after",
                "--page-size", "--no-auth", "--validate-responses", "--help");
    }

    @Test
    void badFlagsExitWith2AndSayWhy() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new Main()).setErr(new PrintWriter(err));
        assertThat(cli.execute("--port", "eighty")).isEqualTo(2);
        assertThat(err.toString()).contains("--port", "eighty");
        StringWriter err2 = new StringWriter();
        assertThat(new CommandLine(new Main()).setErr(new PrintWriter(err2)).execute("--page-size", "0")).isEqualTo(2);
        assertThat(err2.toString()).contains("pageSize must be at least 1");
    }

    @Test
    void startsHttpsAndHttpPrintsTheirUrlsAndWritesTheCertificate(@TempDir Path dir) throws Exception {
        Main main = new Main();
        CommandLine cli = new CommandLine(main);
        Path pem = dir.resolve("out/cert.pem");
        cli.parseArgs("--port", "0", "--http-port", "0", "--cert-out", pem.toString(), "--retry-after", "7");
        StringWriter out = new StringWriter();
        try (BackupMockServer server = main.start(new PrintWriter(out))) {
            List<String> lines = out.toString().lines().toList();
            assertThat(lines).hasSize(2);
            assertThat(lines.get(0)).matches("https://127\\.0\\.0\\.1:\\d+");
            assertThat(lines.get(1)).matches("http://127\\.0\\.0\\.1:\\d+");

            X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(pem)));
            assertThat(cert.getSubjectAlternativeNames().stream().map(san -> (Object) san.get(1)).toList())
                    .contains((Object) "localhost", "127.0.0.1");

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
}
