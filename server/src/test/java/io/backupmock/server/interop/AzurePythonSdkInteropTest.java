package io.backupmock.server.interop;

import io.backupmock.server.state.Settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.backupmock.server.BackupMockServer;
import io.backupmock.server.clock.VirtualClock;
import io.backupmock.server.config.ConfigLoader;
import io.backupmock.server.config.EmulatorConfig;
import io.backupmock.server.faults.Fault;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official Azure SDK for Python (Debian's python3-azure), unmodified, drives the whole flow
 * over HTTPS: src/test/python/interop_flow.py. The emulator's clock moves 5 s per request, so the
 * script polls without sleeping and the run is deterministic.
 */
@ExtendWith(SkipReasons.class)
class AzurePythonSdkInteropTest {
    /** The script's back-to-back backups of one VM all run (Azure would fail all but the first). */
    static final EmulatorConfig ALLOW_CONCURRENT_BACKUPS = ConfigLoader.readJson(
            "{\"scenario\": {\"concurrentBackup\": \"Allow\"}}".getBytes(StandardCharsets.UTF_8),
            EmulatorConfig.class, "test");

    private static final String PYTHON = "/usr/bin/python3";
    private static final Path SCRIPT = Path.of("src/test/python/interop_flow.py");

    @Test
    void pythonSdkRunsTheWholeFlow(@TempDir Path dir) throws Exception {
        assumeSdkInstalled();
        VirtualClock clock = VirtualClock.startingNow().autoAdvance(Duration.ofSeconds(5));
        try (BackupMockServer server = BackupMockServer.builder().clock(clock).config(ALLOW_CONCURRENT_BACKUPS)
                .settings(Settings.builder().pageSize(2).validateResponses(true).build()).start()) {
            String output = runFlow(server, dir);
            assertThat(output).doesNotContain("FAIL").containsPattern("interop: \\d+ checks passed");
        }
    }

    /**
     * The same flow with a fifth of the requests answered 429 (Retry-After: 0) or 503, as
     * AzureCoreInteropTest runs Java's client: the SDK's RetryPolicy, as shipped, carries it through.
     */
    @Test
    void pythonSdkRunsTheWholeFlowUnderFaults(@TempDir Path dir) throws Exception {
        assumeSdkInstalled();
        VirtualClock clock = VirtualClock.startingNow().autoAdvance(Duration.ofSeconds(5));
        try (BackupMockServer server = BackupMockServer.builder().clock(clock).config(ALLOW_CONCURRENT_BACKUPS)
                .settings(Settings.builder().pageSize(2).validateResponses(true)
                        .faultSeed(AzureCoreInteropTest.FAULT_SEED).build()).start()) {
            server.emulator().faults().addAll(AzureCoreInteropTest.fifthFaulted(null));
            long started = System.nanoTime();
            String output = runFlow(server, dir, "--retries");
            long millis = (System.nanoTime() - started) / 1_000_000;
            AzureCoreInteropTest.Retries retries = AzureCoreInteropTest.Retries.in(server.emulator().journal().all());
            System.out.println("Python SDK interop under faults: " + retries + "; " + millis + " ms");
            assertThat(output).doesNotContain("FAIL").containsPattern("interop: \\d+ checks passed");
            assertThat(retries.unretried()).as("faulted requests that the SDK did not send again").isEmpty();
            assertThat(retries.total()).as("faults fired, each retried").isGreaterThanOrEqualTo(5);
            assertThat(retries.throttled()).as("429s retried").isGreaterThanOrEqualTo(2);
            assertThat(retries.unavailable()).as("503s retried").isGreaterThanOrEqualTo(2);
            assertThat(retries.onPost()).as("retries of POSTs (triggers, cancel)").isGreaterThanOrEqualTo(2);
        }
    }

    /**
     * A backup trigger that the emulator handles but whose answer it drops (the connection closes):
     * the SDK does not send a POST again after a connection error, so the call fails although the
     * job has started (AzureCoreInteropTest shows Java's client resending it instead).
     */
    @Test
    void pythonSdkDoesNotResendATriggerWhoseAnswerIsLost(@TempDir Path dir) throws Exception {
        assumeSdkInstalled();
        try (BackupMockServer server = BackupMockServer.builder()
                .settings(Settings.builder().validateResponses(true).build()).start()) {
            String subscription = java.util.UUID.randomUUID().toString();
            server.emulator().faults().add(new Fault(subscription, null, "POST", null, null, null, null, null, null,
                    true, null, 1, null));
            Path pem = dir.resolve("cert.pem");
            server.certificate().writePem(pem);
            Process process = new ProcessBuilder(PYTHON, "src/test/python/lost_trigger_answer.py",
                    server.httpsUri().toString(), pem.toString(), subscription).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the script finished").isTrue();
            System.out.println("Python SDK, trigger answer lost: " + output.strip());
            assertThat(output).startsWith("raised ServiceResponseError");
            assertThat(server.emulator().journal().all()).extracting(r -> r.method() + " " + r.status())
                    .containsExactly("POST 202");
            assertThat(server.emulator().tenancy().vault(subscription, "testVaultRG", "testVault").jobs().size())
                    .as("jobs started").isEqualTo(1);
        }
    }

    private static void assumeSdkInstalled() throws IOException, InterruptedException {
        boolean installed = sdkInstalled();
        assertThat(installed || System.getenv("CI") == null)
                .as("CI must run the interop test: .ci/run installs python3-azure").isTrue();
        assumeTrue(installed, "skipped: the Azure SDK for Python is absent; install it with "
                + "'apt-get install -y python3-azure' (.ci/run does)");
    }

    /** Runs interop_flow.py against the server; its output, once it has exited with 0. */
    private static String runFlow(BackupMockServer server, Path dir, String... options) throws Exception {
        Path pem = dir.resolve("cert.pem");
        server.certificate().writePem(pem);
        List<String> command = new ArrayList<>(List.of(PYTHON, SCRIPT.toString(), server.httpsUri().toString(),
                pem.toString()));
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean finished = process.waitFor(120, TimeUnit.SECONDS);
        System.out.println(output);
        assertThat(finished).as("the interop script finished").isTrue();
        assertThat(process.exitValue()).as("exit code of interop_flow.py; output:%n%s", output).isZero();
        return output;
    }

    private static boolean sdkInstalled() throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of(PYTHON))) {
            return false;
        }
        Process probe = new ProcessBuilder(PYTHON, "-c",
                "import azure.mgmt.recoveryservicesbackup.activestamp").redirectErrorStream(true).start();
        probe.getInputStream().readAllBytes();
        return probe.waitFor(60, TimeUnit.SECONDS) && probe.exitValue() == 0;
    }
}
