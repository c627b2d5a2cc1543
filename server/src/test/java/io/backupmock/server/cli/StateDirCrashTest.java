package io.backupmock.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.backupmock.server.wire.Json;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standalone emulator with {@code --state-dir}, killed with SIGKILL while triggers and cancels
 * are in flight from several threads, then started again on the same directory: every trigger and
 * cancel that was acknowledged is there, with the same ids.
 */
class StateDirCrashTest {
    static final String SUB = "6f3b0a52-3c1e-4d7a-9b1c-2a4d5e6f7a8b";
    static final String VAULT = "/subscriptions/" + SUB + "/resourceGroups/rg/providers/Microsoft.RecoveryServices"
            + "/vaults/crashVault";
    static final String API = "?api-version=2019-05-13";
    static final int THREADS = 4;

    /** A trigger answered 202: its operation's path, and its job's id once read. */
    record Trigger(String operation, String jobId) {
    }

    /** A cancel answered 202: the job, and the cancel operation's path. */
    record Cancel(String jobId, String operation) {
    }

    @Test
    @Timeout(180)
    void everyAcknowledgedTriggerAndCancelSurvivesSigkill(@TempDir Path dir) throws Exception {
        Path state = dir.resolve("state");
        // Operations finish at once and jobs run an hour on a clock that stands still: every job is
        // read straight after its trigger and can be cancelled.
        Path config = Files.writeString(dir.resolve("config.yaml"), """
                clock: {mode: virtual, start: "2026-11-25T08:00:00Z"}
                scenario:
                  jobs:
                    - operation: Backup
                      tasks: [["Take Snapshot", "PT1H"]]
                      trigger: {inProgressFor: PT0S}
                """);
        Process first = start(state, config);
        Queue<Trigger> triggers = new ConcurrentLinkedQueue<>();
        Queue<Cancel> cancels = new ConcurrentLinkedQueue<>();
        AtomicInteger unanswered = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        try {
            String base = baseOf(first);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            AtomicInteger next = new AtomicInteger();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                Thread thread = new Thread(() -> {
                    while (true) {
                        int n = next.incrementAndGet();
                        String step = "trigger";
                        try {
                            HttpResponse<String> accepted = send(http, "POST", base + item(n) + "/backup" + API,
                                    "{\"properties\":{\"objectType\":\"IaasVMBackupRequest\"}}");
                            if (accepted.statusCode() != 202) {
                                refused.incrementAndGet();
                                continue;
                            }
                            String operation = path(accepted.headers().firstValue("Azure-AsyncOperation").orElseThrow());
                            triggers.add(new Trigger(operation, null));
                            step = "read";
                            JsonNode status = Json.mapper().readTree(send(http, "GET", base + operation, null).body());
                            String jobId = status.at("/properties/jobId").asText();
                            triggers.add(new Trigger(operation, jobId));
                            step = "cancel";
                            HttpResponse<String> cancel = send(http, "POST", base + VAULT + "/backupJobs/" + jobId
                                    + "/cancel" + API, null);
                            if (cancel.statusCode() == 202) {
                                cancels.add(new Cancel(jobId, path(cancel.headers().firstValue("Location").orElseThrow())));
                            } else {
                                refused.incrementAndGet();
                            }
                        } catch (Exception e) {
                            if (!step.equals("read")) {
                                unanswered.incrementAndGet();
                            }
                            return; // the emulator is gone
                        }
                    }
                }, "crash-client-" + t);
                thread.start();
                threads.add(thread);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (cancels.size() < 400 && System.nanoTime() < deadline) {
                java.util.concurrent.locks.LockSupport.parkNanos(1_000_000); // the clients' progress, not a job's
            }
            first.destroyForcibly(); // SIGKILL, with requests in flight
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
            for (Thread thread : threads) {
                thread.join(30_000);
            }
        } finally {
            first.destroyForcibly();
        }
        assertThat(cancels).as("the clients got far enough before the kill").isNotEmpty();

        Process second = start(state, config);
        try {
            String base = baseOf(second);
            HttpClient http = HttpClient.newHttpClient();
            Map<String, String> jobOfOperation = new java.util.HashMap<>();
            for (Trigger t : triggers) {
                if (t.jobId() != null) {
                    jobOfOperation.put(t.operation(), t.jobId());
                }
            }
            int operationsFound = 0;
            int jobsFound = 0;
            List<String> missing = new ArrayList<>();
            List<String> operations = triggers.stream().map(Trigger::operation).distinct().toList();
            for (String operation : operations) {
                HttpResponse<String> status = send(http, "GET", base + operation, null);
                if (status.statusCode() != 200) {
                    missing.add("operation " + operation + ": " + status.statusCode());
                    continue;
                }
                operationsFound++;
                String jobId = Json.mapper().readTree(status.body()).at("/properties/jobId").asText();
                String known = jobOfOperation.get(operation);
                if (known != null && !known.equals(jobId)) {
                    missing.add("operation " + operation + " now names job " + jobId + ", not " + known);
                    continue;
                }
                if (send(http, "GET", base + VAULT + "/backupJobs/" + jobId + API, null).statusCode() == 200) {
                    jobsFound++;
                } else {
                    missing.add("job " + jobId);
                }
            }
            int cancelsFound = 0;
            for (Cancel c : cancels) {
                JsonNode job = Json.mapper().readTree(send(http, "GET", base + VAULT + "/backupJobs/" + c.jobId() + API,
                        null).body());
                HttpResponse<String> operation = send(http, "GET", base + c.operation(), null);
                String status = job.at("/properties/status").asText();
                if ((status.equals("Cancelling") || status.equals("Cancelled")) && operation.statusCode() != 404) {
                    cancelsFound++;
                } else {
                    missing.add("cancel of " + c.jobId() + ": job " + status + ", operation " + operation.statusCode());
                }
            }
            System.out.printf("state-dir crash test: acknowledged before SIGKILL %d triggers (%d with their job read) "
                            + "and %d cancels; %d requests unanswered, %d refused; found after restart %d operations, "
                            + "%d jobs, %d cancels%n", operations.size(), jobOfOperation.size(), cancels.size(),
                    unanswered.get(), refused.get(), operationsFound, jobsFound, cancelsFound);
            assertThat(missing).as("acknowledged, then lost").isEmpty();
            assertThat(operationsFound).isEqualTo(operations.size());
            assertThat(jobsFound).isEqualTo(operations.size());
            assertThat(cancelsFound).isEqualTo(cancels.size());

            Process third = start(state, config);
            try {
                assertThat(third.waitFor(60, TimeUnit.SECONDS)).as("refused while the directory is in use").isTrue();
                assertThat(third.exitValue()).isEqualTo(2);
                assertThat(new String(third.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                        .contains("in use by another running emulator", "pid " + second.pid());
            } finally {
                third.destroyForcibly();
            }
        } finally {
            second.destroyForcibly();
            second.waitFor(30, TimeUnit.SECONDS);
        }
    }

    static Process start(Path state, Path config) throws Exception {
        return StandaloneProcessTest.start(Map.of(), "--no-https", "--http-port", "0", "--no-auth",
                "--state-dir", state.toString(), "--config", config.toString());
    }

    static String baseOf(Process process) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertThat(line).as("a start line").isNotNull();
        return StartLines.baseOf(line);
    }

    static String item(int n) {
        return VAULT + "/backupFabrics/Azure/protectionContainers/IaasVMContainer;iaasvmcontainerv2;rg;vm" + n
                + "/protectedItems/VM;iaasvmcontainerv2;rg;vm" + n;
    }

    static String path(String url) {
        URI uri = URI.create(url);
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }

    static HttpResponse<String> send(HttpClient http, String method, String url, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
