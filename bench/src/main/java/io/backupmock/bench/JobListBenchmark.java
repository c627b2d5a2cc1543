package io.backupmock.bench;

import io.backupmock.server.BackupMockServer;
import io.backupmock.server.clock.VirtualClock;
import io.backupmock.server.jobs.JobErrorDetail;
import io.backupmock.server.jobs.JobFilter;
import io.backupmock.server.jobs.JobOperation;
import io.backupmock.server.jobs.JobScript;
import io.backupmock.server.jobs.JobSnapshot;
import io.backupmock.server.jobs.Page;
import io.backupmock.server.tenancy.ProtectedItem;
import io.backupmock.server.tenancy.Tenancy;
import io.backupmock.server.tenancy.Vault;
import io.backupmock.server.tracking.AsyncOperation;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Whether a long-lived emulator (a vault with a hundred thousand jobs, e.g. a soak test or a team
 * sharing one instance) still lists jobs quickly and fits in memory: the first page (200) of
 * {@code JobBook.list} under the filters clients send, and the heap the jobs hold.
 *
 * <p>The jobs are made through the model, as triggers make them: {@code Vault.startJob} on 50 VMs,
 * 70 % Backup and 30 % Restore, a few failing or completing with warnings, started 0–60 s apart on
 * a virtual clock (about 35 days in all); the last few are still running. Scripts are shared, as
 * the scenario's are. The heap is printed at set-up; {@code main} prints it alone, and again for
 * jobs made through triggers (each with its operation):
 * {@code java -Xmx512m -cp bench/target/benchmarks.jar io.backupmock.bench.JobListBenchmark}.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@State(Scope.Benchmark)
public class JobListBenchmark {
    static final int JOBS = 100_000;
    static final int PAGE_SIZE = 200;
    static final String SUBSCRIPTION = "00000000-0000-0000-0000-000000000000";
    private static final DateTimeFormatter SERVICE_DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd hh:mm:ss a", Locale.US).withZone(ZoneOffset.UTC);

    /**
     * none: no $filter; statusAndOperation: {@code status eq 'Completed' and operation eq 'Backup'};
     * window: a day in the middle ({@code startTime}/{@code endTime}); jobId: one job in the middle;
     * inProgress: {@code status eq 'InProgress'}, the few running jobs (fewer than a page, so every
     * job is looked at).
     */
    @Param({"none", "statusAndOperation", "window", "jobId", "inProgress"})
    public String filter;

    Fleet fleet;
    JobFilter parsed;

    /** A vault full of jobs, the instant they are listed at, and the filters' texts. */
    record Fleet(Vault vault, Instant now, String middleJobId, Instant middle, long retainedBytes) {

        String filterText(String name) {
            return switch (name) {
                case "none" -> null;
                case "statusAndOperation" -> "status eq 'Completed' and operation eq 'Backup'";
                case "window" -> "startTime eq '" + SERVICE_DATE.format(middle.minus(Duration.ofHours(12)))
                        + "' and endTime eq '" + SERVICE_DATE.format(middle.plus(Duration.ofHours(12))) + "'";
                case "jobId" -> "jobId eq '" + middleJobId + "'";
                case "inProgress" -> "status eq 'InProgress'";
                default -> throw new IllegalArgumentException("unknown filter case " + name);
            };
        }

        static Fleet build() {
            long before = usedHeapAfterGc();
            VirtualClock clock = new VirtualClock(Instant.parse("2026-01-01T00:00:00Z"));
            Tenancy tenancy = new Tenancy(BackupMockServer.defaultScenario(), false);
            Vault vault = tenancy.vault(SUBSCRIPTION, "testVaultRG", "testVault");
            List<ProtectedItem> vms = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                vms.add(vault.item("Azure", "IaasVMContainer;iaasvmcontainerv2;testRG;vm" + i,
                        "VM;iaasvmcontainerv2;testRG;vm" + i, clock.instant()));
            }
            JobErrorDetail vmGone = JobErrorDetail.of(400002, "UserErrorVmNotFoundV2", "Virtual machine doesn't exist.");
            JobScript backup = JobScript.backup().task("Take Snapshot", Duration.ofMinutes(2))
                    .task("Transfer data to vault", Duration.ofMinutes(18)).property("Backup Size", "2332 MB").build();
            JobScript backupWarned = JobScript.backup().task("Take Snapshot", Duration.ofMinutes(2))
                    .task("Transfer data to vault", Duration.ofMinutes(18))
                    .completesWithWarnings(JobErrorDetail.warning("Some files could not be backed up.")).build();
            JobScript backupFailed = JobScript.backup().task("Take Snapshot", Duration.ofMinutes(1)).fails(vmGone).build();
            JobScript restore = JobScript.restore().task("Transfer data", Duration.ofMinutes(30)).build();
            JobScript restoreFailed = JobScript.restore().task("Transfer data", Duration.ofMinutes(5)).fails(vmGone).build();

            Random random = new Random(42);
            String middleJobId = null;
            Instant middle = null;
            for (int i = 0; i < JOBS; i++) {
                clock.advance(Duration.ofMillis(random.nextInt(60_000)));
                ProtectedItem vm = vms.get(random.nextInt(vms.size()));
                int roll = random.nextInt(100);
                boolean isBackup = random.nextInt(10) < 7;
                JobScript script = isBackup
                        ? (roll < 90 ? backup : roll < 96 ? backupWarned : backupFailed)
                        : (roll < 95 ? restore : restoreFailed);
                String id = vault.startJob(isBackup ? JobOperation.Backup : JobOperation.Restore, script, vm,
                        clock.instant()).id();
                if (i == JOBS / 2) {
                    middleJobId = id;
                    middle = clock.instant();
                }
            }
            Instant now = clock.advance(Duration.ofMinutes(1));
            long after = usedHeapAfterGc();
            return new Fleet(vault, now, middleJobId, middle, after - before);
        }

        String describe() {
            return String.format(Locale.ROOT, "%,d jobs retain %.1f MB of heap (%d bytes a job)", vault.jobs().size(),
                    retainedBytes / 1048576.0, retainedBytes / vault.jobs().size());
        }
    }

    /** Heap in use after full collections, as near as the JVM will tell without a heap dump. */
    static long usedHeapAfterGc() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    @Setup
    public void setUp() {
        fleet = Fleet.build();
        parsed = JobFilter.parse(fleet.filterText(filter));
        Page<JobSnapshot> page = fleet.vault().jobs().list(parsed, fleet.now(), null, PAGE_SIZE);
        String text = fleet.filterText(filter);
        System.out.printf("%n%s; filter %s: %s -> %d on the first page%s%n", fleet.describe(), filter,
                text == null ? "(no $filter)" : text, page.items().size(), page.next() == null ? ", no next page" : "");
    }

    @Benchmark
    public Page<JobSnapshot> firstPage() {
        return fleet.vault().jobs().list(parsed, fleet.now(), null, PAGE_SIZE);
    }

    /**
     * Prints the heap the jobs hold, without running the benchmark; then the same count of jobs made
     * as HTTP triggers make them ({@code Vault.trigger}), each with the asynchronous operation the
     * vault keeps beside it.
     */
    public static void main(String[] args) {
        System.out.println(Fleet.build().describe());
        long before = usedHeapAfterGc();
        VirtualClock clock = new VirtualClock(Instant.parse("2026-01-01T00:00:00Z"));
        Vault vault = new Tenancy(BackupMockServer.defaultScenario(), false).vault(SUBSCRIPTION, "testVaultRG", "testVault");
        ProtectedItem vm = vault.item("Azure", "IaasVMContainer;iaasvmcontainerv2;testRG;testVM",
                "VM;iaasvmcontainerv2;testRG;testVM", clock.instant());
        Random random = new Random(42);
        for (int i = 0; i < JOBS; i++) {
            clock.advance(Duration.ofMillis(random.nextInt(60_000)));
            vault.trigger(random.nextInt(10) < 7 ? JobOperation.Backup : JobOperation.Restore, vm,
                    AsyncOperation.Kind.ITEM, clock.instant());
        }
        long retained = usedHeapAfterGc() - before;
        System.out.printf(Locale.ROOT, "%,d triggered jobs with their %,d operations retain %.1f MB of heap (%d bytes a job)%n",
                vault.jobs().size(), vault.operations().size(), retained / 1048576.0, retained / vault.jobs().size());
    }
}
