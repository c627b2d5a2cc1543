package io.backupmock.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backupmock.server.BackupMockServer;
import io.backupmock.server.gateway.Ids;
import io.backupmock.server.jobs.JobOperation;
import io.backupmock.server.jobs.JobScript;
import io.backupmock.server.jobs.JobSnapshot;
import io.backupmock.server.journal.Journal;
import io.backupmock.server.journal.RecordedRequest;
import io.backupmock.server.tenancy.ProtectedItem;
import io.backupmock.server.tenancy.Tenancy;
import io.backupmock.server.tenancy.Vault;
import io.backupmock.server.wire.JobRenderer;
import io.backupmock.server.wire.Json;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Whether the request journal keeps memory flat however long the emulator runs: a million requests
 * recorded, shaped as the gateway records a job GET (request headers, ARM response headers, a
 * freshly rendered JobResource), into a journal of the default capacity, with the heap in use
 * after GC printed along the way. Then the other side of a count-bounded journal: what it holds
 * when the requests kept are full job-list pages.
 *
 * <p>{@code java -Xmx512m -cp bench/target/benchmarks.jar io.backupmock.bench.JournalMemory}
 */
public final class JournalMemory {
    private static final int[] CHECKPOINTS = {10_000, 100_000, 500_000, 1_000_000};
    private static final int PAGE_ENTRIES = 1_000;
    private static final DateTimeFormatter ROUTING_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private JournalMemory() {
    }

    public static void main(String[] args) throws IOException {
        Instant now = Instant.parse("2026-11-25T08:00:00Z");
        Vault vault = new Tenancy(BackupMockServer.defaultScenario(), false)
                .vault(JobListBenchmark.SUBSCRIPTION, "testVaultRG", "testVault");
        ProtectedItem vm = vault.item("Azure", "IaasVMContainer;iaasvmcontainerv2;testRG;testVM",
                "VM;iaasvmcontainerv2;testRG;testVM", now);
        JobScript script = JobScript.backup().task("Take Snapshot", Duration.ofMinutes(2))
                .task("Transfer data to vault", Duration.ofMinutes(18)).property("Backup Size", "2332 MB").build();
        JobSnapshot job = vault.startJob(JobOperation.Backup, script, vm, now).at(now.plusSeconds(300));
        String jobPath = vault.path() + "/backupJobs/" + job.id();
        ObjectNode jobResource = JobRenderer.render(vault, job, true);
        ObjectNode page = Json.object();
        ArrayNode entries = page.putArray("value");
        for (int i = 0; i < JobListBenchmark.PAGE_SIZE; i++) {
            entries.add(JobRenderer.render(vault, job, false));
        }
        int jobBytes = Json.bytes(jobResource).length;
        int pageBytes = Json.bytes(page).length;

        Journal journal = new Journal(Journal.DEFAULT_CAPACITY);
        long empty = JobListBenchmark.usedHeapAfterGc();
        System.out.printf(Locale.ROOT, "journal capacity %,d; each request a job GET answered with a %,d-byte "
                + "JobResource%n", journal.capacity(), jobBytes);
        System.out.printf(Locale.ROOT, "%12s %10s %12s %22s %14s%n", "recorded", "kept", "dropped",
                "heap after GC (MB)", "above empty");
        System.out.printf(Locale.ROOT, "%,12d %,10d %,12d %22.1f %14.1f%n", 0, 0, 0L, empty / 1048576.0, 0.0);
        long recording = 0;
        int recorded = 0;
        for (int checkpoint : CHECKPOINTS) {
            long started = System.nanoTime();
            for (; recorded < checkpoint; recorded++) {
                // Rendered afresh per request, as the gateway does.
                journal.record(request(journal, now, "GET", jobPath, Json.bytes(jobResource)));
            }
            recording += System.nanoTime() - started;
            long used = JobListBenchmark.usedHeapAfterGc();
            System.out.printf(Locale.ROOT, "%,12d %,10d %,12d %22.1f %14.1f%n", recorded, journal.all().size(),
                    journal.dropped(), used / 1048576.0, (used - empty) / 1048576.0);
        }
        long full = JobListBenchmark.usedHeapAfterGc();
        double perEntry = (double) (full - empty) / journal.capacity();
        System.out.printf(Locale.ROOT, "%.1f µs per request recorded (rendering included); a kept job GET holds "
                + "%,.0f bytes%n", recording / 1e3 / recorded, perEntry);

        journal.clear();
        long cleared = JobListBenchmark.usedHeapAfterGc();
        byte[] pageBody = Json.bytes(page);
        for (int i = 0; i < PAGE_ENTRIES; i++) {
            journal.record(request(journal, now, "GET", vault.path() + "/backupJobs", pageBody.clone()));
        }
        long withPages = JobListBenchmark.usedHeapAfterGc();
        double perPage = (double) (withPages - cleared) / PAGE_ENTRIES;
        System.out.printf(Locale.ROOT, "a kept job-list page (%d jobs, %,d bytes) holds %,.0f bytes: a journal "
                        + "full of them would hold %,.0f MB%n", JobListBenchmark.PAGE_SIZE, pageBytes, perPage,
                perPage * journal.capacity() / 1048576.0);
    }

    /** A request as {@code Gateway.record} keeps it: headers copied, names lower-cased, the answer's bytes. */
    private static RecordedRequest request(Journal journal, Instant now, String method, String path, byte[] answer) {
        String requestId = Ids.guid();
        String clientRequestId = Ids.guid();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Host".toLowerCase(Locale.ROOT), List.of("127.0.0.1:8443"));
        headers.put("User-Agent".toLowerCase(Locale.ROOT),
                List.of("azsdk-python-mgmt-recoveryservicesbackup/9.1.0 Python/3.11.2 (Linux-6.1.0-x86_64-with-glibc2.36)"));
        headers.put("Accept".toLowerCase(Locale.ROOT), List.of("application/json"));
        headers.put("Accept-Encoding".toLowerCase(Locale.ROOT), List.of("gzip, deflate"));
        headers.put("Authorization".toLowerCase(Locale.ROOT), List.of("Bearer eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0."
                + "eyJhdWQiOiJodHRwczovL21hbmFnZW1lbnQuYXp1cmUuY29tLyIsInRpZCI6IjAwMDAwMDAwLTAwMDAtMDAwMC0wMDAwLTAwMDAw"
                + "MDAwMDAwMCIsInN1YiI6ImJhY2t1cC1tb2NrIn0."));
        headers.put("x-ms-client-request-id", List.of(clientRequestId));
        Map<String, String> responseHeaders = new LinkedHashMap<>();
        responseHeaders.put("cache-control", "no-cache");
        responseHeaders.put("x-ms-ratelimit-remaining-subscription-reads", Long.toString(11_999));
        responseHeaders.put("x-ms-request-id", requestId);
        responseHeaders.put("pragma", "no-cache");
        responseHeaders.put("x-ms-routing-request-id", "LOCAL:" + ROUTING_TIME.format(now) + ":" + requestId);
        responseHeaders.put("date", DateTimeFormatter.RFC_1123_DATE_TIME.format(now.atOffset(ZoneOffset.UTC)));
        responseHeaders.put("x-ms-correlation-request-id", requestId);
        responseHeaders.put("x-ms-client-request-id", clientRequestId);
        responseHeaders.put("x-content-type-options", "nosniff");
        responseHeaders.put("content-type", "application/json; charset=utf-8");
        responseHeaders.put("content-length", Integer.toString(answer.length));
        return new RecordedRequest(journal.nextSequence(), now, method, path, "api-version=2019-05-13", headers,
                new byte[0], JobListBenchmark.SUBSCRIPTION, 200, responseHeaders, answer, List.of());
    }
}
