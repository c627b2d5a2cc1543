package io.backupmock.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standalone emulator as a process: environment variables, configuration files, exit codes, SIGTERM. */
class StandaloneProcessTest {
    static final String SUB = "00000000-0000-0000-0000-000000000000";
    static final String VAULT = "/subscriptions/" + SUB + "/resourceGroups/testVaultRG/providers/"
            + "Microsoft.RecoveryServices/vaults/testVault";

    static Process start(Map<String, String> env, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(k -> k.startsWith("BACKUP_MOCK_"));
        builder.environment().putAll(env);
        return builder.start();
    }

    @Test
    void environmentVariablesSetTheFlagsAndSigtermLetsInFlightRequestsFinish(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("config.yaml");
        Files.writeString(config, "faults:\n  - {method: GET, pathContains: /backupJobs, latency: PT0.5S, times: 1}\n");
        Process process = start(Map.of("BACKUP_MOCK_PORT", "0", "BACKUP_MOCK_HTTP_PORT", "0",
                "BACKUP_MOCK_NO_AUTH", "true", "BACKUP_MOCK_CONFIG", config.toString(), "BACKUP_MOCK_PAGE_SIZE", "3"));
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            assertThat(StartLines.baseOf(out.readLine())).matches("https://127\\.0\\.0\\.1:\\d+");
            String http = StartLines.baseOf(out.readLine());
            assertThat(http).matches("http://127\\.0\\.0\\.1:\\d+");

            HttpClient client = HttpClient.newHttpClient();
            CompletableFuture<HttpResponse<String>> slow = client.sendAsync(HttpRequest.newBuilder(
                    URI.create(http + VAULT + "/backupJobs?api-version=2019-05-13")).build(),
                    HttpResponse.BodyHandlers.ofString());
            waitUntilTheFaultIsTaken(client, http);
            process.destroy(); // SIGTERM
            HttpResponse<String> answered = slow.get(10, TimeUnit.SECONDS);
            assertThat(answered.statusCode()).as("answered without a token: BACKUP_MOCK_NO_AUTH").isEqualTo(200);
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("stopped after SIGTERM").isTrue();
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void anInvalidConfigurationExitsWith2NamingTheField(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("bad.json");
        Files.writeString(config, "{\"vaults\":[{\"subscriptionId\":\"x\",\"resourceGroup\":\"rg\",\"name\":\"v\"}]}");
        Process process = start(Map.of(), "--config", config.toString(), "--port", "0");
        try {
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.exitValue()).isEqualTo(2);
            assertThat(err).contains("invalid configuration", "vaults[0]", "subscriptionId must be a GUID");
        } finally {
            process.destroyForcibly();
        }
    }

    /** The latency fault is used up once the slow request has reached the emulator: then it is in flight. */
    private static void waitUntilTheFaultIsTaken(HttpClient client, String base) throws Exception {
        for (int i = 0; i < 500; i++) {
            String faults = client.send(HttpRequest.newBuilder(URI.create(base + "/backupmock/admin/faults")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            if (!faults.contains("\"fault\"")) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the slow request never reached the emulator");
    }
}
