package io.backupmock.bench;

import io.backupmock.server.BackupMockServer;
import io.backupmock.server.state.Settings;
import io.backupmock.server.throttling.RateLimits;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Not a test: trigger throughput of an embedded emulator over loopback HTTP, kept in memory only
 * and with a state directory (every trigger flushed to disk before its 202), then job reads on
 * each (which never touch the disk). Prints requests per second and latency percentiles.
 * Run: {@code java -cp bench/target/benchmarks.jar io.backupmock.bench.StateDirThroughput [seconds] [clients] [dir]}
 * (defaults 10 s, 16 clients, a directory under the working directory: not /tmp, which may be in memory).
 */
public final class StateDirThroughput {
    private static final String SUB = "00000000-0000-0000-0000-00000000d15c";
    private static final String VAULT = "/subscriptions/" + SUB + "/resourceGroups/rg/providers/"
            + "Microsoft.RecoveryServices/vaults/benchVault";
    private static final String API = "?api-version=2019-05-13";
    private static final String BODY = "{\"properties\":{\"objectType\":\"IaasVMBackupRequest\"}}";

    private StateDirThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        Path parent = args.length > 2 ? Path.of(args[2]) : Path.of(".");
        Path dir = Files.createTempDirectory(parent.toAbsolutePath(), "backup-mock-bench-state-");
        try {
            System.out.printf("%d s per run, %d clients, state directory %s%n", seconds, clients, dir);
            run("in memory", null, seconds, clients);
            run("--state-dir", dir, seconds, clients);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void run(String label, Path dir, int seconds, int clients) throws Exception {
        Settings settings = Settings.DEFAULTS.toBuilder().authRequired(false)
                .rateLimits(new RateLimits(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE)).build();
        try (BackupMockServer server = BackupMockServer.builder().noHttps().httpPort(0).settings(settings)
                .stateDir(dir).start()) {
            String base = server.baseUri().toString();
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            AtomicInteger item = new AtomicInteger();
            measure(label + ", triggers", clients, Math.max(1, seconds / 5), seconds, () -> {
                int n = item.incrementAndGet();
                return HttpRequest.newBuilder(URI.create(base + VAULT + "/backupFabrics/Azure/protectionContainers/"
                                + "IaasVMContainer;iaasvmcontainerv2;rg;vm" + n + "/protectedItems/VM;iaasvmcontainerv2;rg;vm"
                                + n + "/backup" + API))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(BODY)).build();
            }, 202, http);
            HttpRequest list = HttpRequest.newBuilder(URI.create(base + VAULT + "/backupJobs" + API + "&$top=1")).build();
            measure(label + ", job list reads", clients, 1, Math.max(2, seconds / 2), () -> list, 200, http);
        }
    }

    private interface Requests {
        HttpRequest next();
    }

    private static void measure(String label, int clients, int warmUpSeconds, int seconds, Requests requests,
                                int expected, HttpClient http) throws Exception {
        long warmUpEnd = System.nanoTime() + Duration.ofSeconds(warmUpSeconds).toNanos();
        long end = warmUpEnd + Duration.ofSeconds(seconds).toNanos();
        AtomicLong count = new AtomicLong();
        AtomicLong wrong = new AtomicLong();
        List<long[]> latencies = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            long[] mine = new long[2_000_000];
            latencies.add(mine);
            int index = c;
            Thread t = new Thread(() -> {
                int n = 0;
                try {
                    while (true) {
                        long start = System.nanoTime();
                        if (start >= end) {
                            break;
                        }
                        HttpResponse<Void> response = http.send(requests.next(), HttpResponse.BodyHandlers.discarding());
                        long took = System.nanoTime() - start;
                        if (start >= warmUpEnd) {
                            count.incrementAndGet();
                            if (response.statusCode() != expected) {
                                wrong.incrementAndGet();
                            }
                            if (n < mine.length) {
                                mine[n++] = took;
                            }
                        }
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                } finally {
                    latencies.set(index, Arrays.copyOf(mine, n));
                }
            });
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        System.out.printf("%-30s %8.0f /s   p50 %6.2f ms   p99 %6.2f ms   not %d: %d%n", label,
                count.get() / (double) seconds, percentile(all, 0.50), percentile(all, 0.99), expected, wrong.get());
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))] / 1e6;
    }
}
