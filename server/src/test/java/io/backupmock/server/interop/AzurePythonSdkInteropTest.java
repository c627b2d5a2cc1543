package io.backupmock.server.interop;

import io.backupmock.server.Settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.backupmock.server.BackupMockServer;
import io.backupmock.server.clock.VirtualClock;
import io.backupmock.server.config.ConfigLoader;
import io.backupmock.server.config.EmulatorConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
    private static final String PYTHON = "/usr/bin/python3";
    private static final Path SCRIPT = Path.of("src/test/python/interop_flow.py");

    @Test
    void pythonSdkRunsTheWholeFlow(@TempDir Path dir) throws Exception {
        boolean installed = sdkInstalled();
        assertThat(installed || System.getenv("CI") == null)
                .as("CI must run the interop test: .ci/run installs python3-azure").isTrue();
        assumeTrue(installed, "skipped: the Azure SDK for Python is absent; install it with "
                + "'apt-get install -y python3-azure' (.ci/run does)");
        VirtualClock clock = VirtualClock.startingNow().autoAdvance(Duration.ofSeconds(5));
        // The script's back-to-back backups of one VM all run (Azure would fail all but the first).
        EmulatorConfig allowConcurrent = ConfigLoader.readJson(
                "{\"scenario\": {\"concurrentBackup\": \"Allow\"}}".getBytes(StandardCharsets.UTF_8),
                EmulatorConfig.class, "test");
        try (BackupMockServer server = BackupMockServer.builder().clock(clock).config(allowConcurrent)
                .settings(Settings.builder().pageSize(2).validateResponses(true).build()).start()) {
            Path pem = dir.resolve("cert.pem");
            server.certificate().writePem(pem);
            Process process = new ProcessBuilder(PYTHON, SCRIPT.toString(), server.httpsUri().toString(),
                    pem.toString()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            boolean finished = process.waitFor(120, TimeUnit.SECONDS);
            System.out.println(output);
            assertThat(finished).as("the interop script finished").isTrue();
            assertThat(process.exitValue()).as("exit code of interop_flow.py; output:%n%s", output).isZero();
            assertThat(output).doesNotContain("FAIL").containsPattern("interop: \\d+ checks passed");
        }
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
