package io.backupmock.bench;

import io.backupmock.server.state.Settings;
import io.backupmock.server.BackupMockServer;
import io.backupmock.server.state.Emulator;
import io.backupmock.server.clock.VirtualClock;
import io.backupmock.server.jobs.JobOperation;
import io.backupmock.server.tenancy.ProtectedItem;
import io.backupmock.server.tenancy.Vault;
import io.backupmock.server.tls.SelfSignedCertificate;
import io.backupmock.server.tracking.AsyncOperation;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the JUnit extension costs: starting the embedded server (once per class), and the work it
 * does around each test (a fresh subscription with its own clock, forgotten afterwards).
 */
@BenchmarkMode(Mode.AverageTime)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EmbeddedServerBenchmark {

    /** Start and stop an HTTPS server, as the extension does once per test class. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public void startAndStopServer() {
        BackupMockServer server = BackupMockServer.builder().start();
        server.close();
    }

    /** A certificate is made once per JVM; this is that first-use cost. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public SelfSignedCertificate makeCertificate() {
        return SelfSignedCertificate.generate();
    }

    @State(Scope.Benchmark)
    public static class Running {
        BackupMockServer server;

        @Setup(Level.Trial)
        public void start() {
            server = BackupMockServer.builder().settings(Settings.DEFAULTS).start();
        }

        @TearDown(Level.Trial)
        public void stop() {
            server.close();
        }
    }

    /** Per test: a subscription with its own clock, one backup triggered in it, then forgotten. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public AsyncOperation perTestCycle(Running running) {
        Emulator emulator = running.server.emulator();
        String subscription = UUID.randomUUID().toString();
        VirtualClock clock = new VirtualClock(Instant.parse("2026-01-01T00:00:00Z"));
        emulator.useClock(subscription, clock);
        Vault vault = emulator.tenancy().vault(subscription, "testVaultRG", "testVault");
        ProtectedItem item = vault.item("Azure", "IaasVMContainer;iaasvmcontainerv2;testRG;testVM",
                "VM;iaasvmcontainerv2;testRG;testVM", clock.instant());
        AsyncOperation op = vault.trigger(JobOperation.Backup, item, AsyncOperation.Kind.ITEM, clock.instant());
        emulator.forget(subscription);
        return op;
    }

    /** Per test, the reset alone: forgetting a subscription. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void resetSubscription(Running running) {
        running.server.emulator().forget(UUID.randomUUID().toString());
    }
}
