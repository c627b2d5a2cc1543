package io.backupmock.bench;

import io.backupmock.server.throttling.RateLimits;
import io.backupmock.server.BackupMockServer;
import io.backupmock.server.state.Settings;
import io.backupmock.server.jobs.Job;
import io.backupmock.server.jobs.JobOperation;
import io.backupmock.server.jobs.JobScript;
import io.backupmock.server.tenancy.Vault;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Not a test: two long runs against an embedded emulator over loopback HTTP, printing their figures.
 * <ul>
 *   <li>{@code long-run [requests]} (default 100,000): 16 clients send a mix of ordinary and hostile
 *       requests over every kind of route; reports answers by status class, 5xx and I/O errors (goal
 *       0), throughput, RSS;</li>
 *   <li>{@code soak [seconds]} (default 60): 10,000 jobs on the system clock, 64 pollers reading
 *       job details, cancelling, and walking filtered list pages through {@code nextLink}; reports
 *       requests, errors, status regressions seen by any poller (goal 0: a status never moves
 *       back and a terminal one never changes), listed jobs whose status differs from the filter
 *       (goal 0), RSS over time, and the journal's size against requests served.</li>
 * </ul>
 * Run: {@code java -Xms256m -Xmx256m -XX:+AlwaysPreTouch -cp bench/target/benchmarks.jar io.backupmock.bench.Soak soak 60}
 * (a heap committed up front, so RSS shows what grows beyond it).
 */
public final class Soak {
    private static final String SUB = "00000000-0000-0000-0000-0000000050a4";
    private static final String VAULT_PATH = "/subscriptions/" + SUB + "/resourceGroups/soakRG/providers/"
            + "Microsoft.RecoveryServices/vaults/soakVault";
    private static final String API = "api-version=2019-05-13";
    private static final Pattern STATUS = Pattern.compile("\"status\":\"([A-Za-z]+)\"");
    private static final Pattern JOB_ENTRY = Pattern.compile("\"name\":\"([0-9a-f-]{36})\"[^{}]*?\"properties\":\\{[^}]*?\"status\":\"([A-Za-z]+)\"");
    private static final Pattern NEXT = Pattern.compile("\"nextLink\":\"([^\"]+)\"");

    private Soak() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "soak";
        switch (mode) {
            case "long-run" -> longRun(args.length > 1 ? Integer.parseInt(args[1]) : 100_000);
            case "soak" -> soak(args.length > 1 ? Integer.parseInt(args[1]) : 60);
            default -> throw new IllegalArgumentException("long-run [requests] | soak [seconds]");
        }
    }

    private static Settings settings() {
        return Settings.DEFAULTS.toBuilder()
                .rateLimits(new RateLimits(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE)).build();
    }

    // ------------------------------------------------------------------ long run

    private static void longRun(int total) throws Exception {
        try (BackupMockServer server = BackupMockServer.builder().noHttps().httpPort(0).settings(settings()).start()) {
            Vault vault = server.emulator().tenancy().vault(SUB, "soakRG", "soakVault");
            List<String> jobs = new ArrayList<>();
            Instant now = Instant.now();
            for (int i = 0; i < 500; i++) {
                jobs.add(vault.startJob(JobOperation.Backup, JobScript.backup().duration(Duration.ofSeconds(5 + i % 60))
                        .build(), null, now).id());
            }
            String base = server.httpUri().toString();
            String[] hostile = {
                VAULT_PATH + "/backupJobs?" + API + "&$filter=" + enc("status eq '" + "A".repeat(10_000) + "'"),
                VAULT_PATH + "/backupJobs?" + API + "&$filter=" + enc("status eq 'Bogus' and ((("),
                VAULT_PATH + "/backupJobs/%2e%2e%2f%2e%2e?" + API,
                VAULT_PATH + "/backupJobs?api-version=1999-01-01",
                VAULT_PATH + "/backupJobs?" + API + "&$skiptoken=" + "%FF".repeat(50),
                "/subscriptions/not-a-guid/resourceGroups/x/providers/Microsoft.RecoveryServices/vaults/y/backupJobs?" + API,
                "/backupmock/admin/nothing",
            };
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            Map<String, AtomicLong> classes = new ConcurrentHashMap<>();
            AtomicLong sent = new AtomicLong();
            AtomicLong ioErrors = new AtomicLong();
            int clients = 16;
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            long started = System.nanoTime();
            for (int c = 0; c < clients; c++) {
                int seed = c;
                pool.execute(() -> {
                    Random random = new Random(seed);
                    while (sent.incrementAndGet() <= total) {
                        HttpRequest request = longRunRequest(random, base, jobs, hostile);
                        try {
                            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                            classes.computeIfAbsent(status / 100 + "xx", k -> new AtomicLong()).incrementAndGet();
                        } catch (IOException e) {
                            ioErrors.incrementAndGet();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                });
            }
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.HOURS);
            double seconds = (System.nanoTime() - started) / 1e9;
            Map<String, Long> byClass = new TreeMap<>();
            classes.forEach((k, v) -> byClass.put(k, v.get()));
            System.out.printf("long run: %,d requests in %.1f s (%,.0f/s) by 16 clients; by status class %s; "
                    + "5xx %d; I/O errors %d; RSS %s MiB%n", total, seconds, total / seconds, byClass,
                    byClass.getOrDefault("5xx", 0L), ioErrors.get(), rssMiB());
        }
    }

    private static HttpRequest longRunRequest(Random random, String base, List<String> jobs, String[] hostile) {
        String job = jobs.get(random.nextInt(jobs.size()));
        int pick = random.nextInt(100);
        String target;
        String method = "GET";
        String body = null;
        if (pick < 45) {
            target = VAULT_PATH + "/backupJobs/" + job + "?" + API;
        } else if (pick < 60) {
            target = VAULT_PATH + "/backupJobs?" + API + "&$filter=" + enc("status eq 'InProgress'");
        } else if (pick < 65) {
            target = VAULT_PATH + "/backupJobs/" + job + "/cancel?" + API;
            method = "POST";
        } else if (pick < 70) {
            target = "/backupmock/admin/clock";
        } else if (pick < 75) {
            target = VAULT_PATH + "/backupJobsExport?" + API;
            method = "POST";
            body = "[[[[[[[[[[" + "\u0000".repeat(20) + "]]]";
        } else {
            target = hostile[random.nextInt(hostile.length)];
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + target)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer soak");
        return b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)).build();
    }

    // ------------------------------------------------------------------ soak

    private static void soak(int seconds) throws Exception {
        try (BackupMockServer server = BackupMockServer.builder().noHttps().httpPort(0).settings(settings()).start()) {
            Vault vault = server.emulator().tenancy().vault(SUB, "soakRG", "soakVault");
            List<String> jobs = new ArrayList<>();
            Random setup = new Random(42);
            Instant now = Instant.now();
            for (int i = 0; i < 10_000; i++) {
                // Jobs end throughout the run, so statuses move while they are polled.
                Job job = vault.startJob(JobOperation.Backup, JobScript.backup()
                        .duration(Duration.ofMillis(2_000 + setup.nextInt(seconds * 1000)))
                        .cancellationTime(Duration.ofMillis(500 + setup.nextInt(3000))).build(), null,
                        now.minusMillis(setup.nextInt(1000)));
                jobs.add(job.id());
            }
            String base = server.httpUri().toString();
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            AtomicLong requests = new AtomicLong();
            AtomicLong errors = new AtomicLong();
            AtomicLong regressions = new AtomicLong();
            AtomicLong filterMismatches = new AtomicLong();
            AtomicLong cancels = new AtomicLong();
            AtomicLong pages = new AtomicLong();
            List<String> firstRegressions = java.util.Collections.synchronizedList(new ArrayList<>());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            int pollers = 64;
            ExecutorService pool = Executors.newFixedThreadPool(pollers);
            for (int p = 0; p < pollers; p++) {
                int seed = p;
                pool.execute(() -> {
                    Random random = new Random(seed);
                    Map<String, String> seen = new HashMap<>();
                    while (System.nanoTime() < deadline) {
                        int pick = random.nextInt(100);
                        try {
                            if (pick < 80) {
                                String id = jobs.get(random.nextInt(jobs.size()));
                                HttpResponse<String> r = get(http, base + VAULT_PATH + "/backupJobs/" + id + "?" + API);
                                requests.incrementAndGet();
                                if (r.statusCode() != 200) {
                                    errors.incrementAndGet();
                                    continue;
                                }
                                Matcher m = STATUS.matcher(r.body());
                                if (m.find()) {
                                    check(seen, id, m.group(1), regressions, firstRegressions);
                                }
                            } else if (pick < 90) {
                                String id = jobs.get(random.nextInt(jobs.size()));
                                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + VAULT_PATH
                                        + "/backupJobs/" + id + "/cancel?" + API)).header("Authorization", "Bearer soak")
                                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                                requests.incrementAndGet();
                                cancels.incrementAndGet();
                                if (r.statusCode() != 202 && r.statusCode() != 400) {
                                    errors.incrementAndGet();
                                }
                            } else {
                                String status = random.nextBoolean() ? "InProgress" : random.nextBoolean() ? "Cancelling" : "Completed";
                                String url = base + VAULT_PATH + "/backupJobs?" + API + "&$filter="
                                        + enc("status eq '" + status + "'");
                                for (int page = 0; url != null && page < 3; page++) {
                                    HttpResponse<String> r = get(http, url);
                                    requests.incrementAndGet();
                                    pages.incrementAndGet();
                                    if (r.statusCode() != 200) {
                                        errors.incrementAndGet();
                                        break;
                                    }
                                    Matcher entry = JOB_ENTRY.matcher(r.body());
                                    while (entry.find()) {
                                        if (!entry.group(2).equals(status)) {
                                            filterMismatches.incrementAndGet();
                                        }
                                        check(seen, entry.group(1), entry.group(2), regressions, firstRegressions);
                                    }
                                    Matcher next = NEXT.matcher(r.body());
                                    url = next.find() ? next.group(1) : null;
                                }
                            }
                        } catch (IOException e) {
                            errors.incrementAndGet();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                });
            }
            List<String> rss = new ArrayList<>();
            long started = System.nanoTime();
            while (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
                long at = (System.nanoTime() - started) / 1_000_000_000L;
                rss.add(at + "s:" + rssMiB() + "/" + heapMiB() + "/" + requests.get());
                pool.shutdown();
            }
            rss.add("end:" + rssMiB() + "/" + heapMiB() + "/" + requests.get());
            var journal = server.emulator().journal();
            System.out.printf("soak: %d s, 64 pollers, 10,000 jobs; %,d requests (%,d list pages, %,d cancels); "
                            + "errors %d; status regressions %d; listed jobs not matching the filter %d%n",
                    seconds, requests.get(), pages.get(), cancels.get(), errors.get(), regressions.get(),
                    filterMismatches.get());
            System.out.println("RSS over time (RSS MiB/heap used MiB/requests so far; client and server share the JVM): " + String.join(" ", rss));
            System.out.printf("journal: %,d entries kept of %,d requests served (capacity %,d; %,d dropped)%n",
                    journal.all().size(), requests.get(), journal.capacity(), journal.dropped());
            firstRegressions.stream().limit(5).forEach(s -> System.out.println("  regression: " + s));
        }
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer soak").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Records {@code status} for {@code job} as this poller saw it; counts a move backwards or a terminal change. */
    private static void check(Map<String, String> seen, String job, String status, AtomicLong regressions,
                              List<String> first) {
        String before = seen.put(job, status);
        if (before == null || before.equals(status)) {
            return;
        }
        boolean terminalBefore = !before.equals("InProgress") && !before.equals("Cancelling");
        boolean backwards = before.equals("Cancelling") && status.equals("InProgress");
        boolean illegal = before.equals("InProgress") || before.equals("Cancelling")
                ? before.equals("Cancelling") && !status.equals("Cancelled") : false;
        if (terminalBefore || backwards || illegal) {
            regressions.incrementAndGet();
            first.add(job + ": " + before + " -> " + status);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static long heapMiB() {
        Runtime r = Runtime.getRuntime();
        return (r.totalMemory() - r.freeMemory()) / (1024 * 1024);
    }

    private static String rssMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.toString(Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024);
                }
            }
        } catch (IOException | RuntimeException e) {
            return "?";
        }
        return "?";
    }
}
