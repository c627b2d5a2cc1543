package io.backupmock.testkit.showcase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * A realistic Azure Backup client, the kind the testkit is for: triggers a backup, follows its
 * operation to the job, waits for the job to finish, cancels. Written with java.net.http only; it
 * honours Retry-After (on 202s and on 429 throttling) through an injectable {@link Sleeper}, so a
 * test can make waiting move a virtual clock instead of real time.
 */
public final class JobTracker {
    private static final String API_VERSION = "2023-06-01";
    private static final Set<String> JOB_DONE = Set.of("Completed", "CompletedWithWarnings", "Failed", "Cancelled");
    private static final int MAX_THROTTLED_RETRIES = 5;

    /** How the tracker waits; production code passes {@code Thread::sleep}-like real waiting. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** What a trigger's 202 handed back. */
    public record Accepted(URI statusUrl, URI resultUrl, Duration retryAfter) {
    }

    /** A job that ended: its id, final status and the whole resource. */
    public record FinishedJob(String id, String status, JsonNode resource) {
    }

    /** Azure answered something the tracker does not accept. */
    public static final class AzureError extends RuntimeException {
        private final int status;
        private final String code;

        AzureError(int status, String code, String message) {
            super(status + " " + code + ": " + message);
            this.status = status;
            this.code = code;
        }

        public int status() {
            return status;
        }

        public String code() {
            return code;
        }
    }

    private final HttpClient http;
    private final URI base;
    private final String token;
    private final Sleeper sleeper;
    private final Duration jobPollInterval;
    private final ObjectMapper json = new ObjectMapper();

    public JobTracker(HttpClient http, URI base, String token, Sleeper sleeper, Duration jobPollInterval) {
        this.http = http;
        this.base = base;
        this.token = token;
        this.sleeper = sleeper;
        this.jobPollInterval = jobPollInterval;
    }

    /** {@code POST {item}/backup}: expects 202 with the URLs to poll. */
    public Accepted triggerBackup(String itemPath) throws IOException, InterruptedException {
        HttpResponse<String> response = send("POST", url(itemPath + "/backup"),
                "{\"properties\":{\"objectType\":\"IaasVMBackupRequest\"}}");
        expect(response, 202);
        return new Accepted(URI.create(header(response, "Azure-AsyncOperation")),
                URI.create(header(response, "Location")), retryAfter(response, Duration.ofSeconds(60)));
    }

    /** Polls the operation status until it succeeds; returns the job id it carries. */
    public String waitForJobId(Accepted accepted) throws IOException, InterruptedException {
        Duration wait = accepted.retryAfter();
        while (true) {
            sleeper.sleep(wait);
            HttpResponse<String> response = send("GET", accepted.statusUrl(), null);
            expect(response, 200);
            JsonNode status = json.readTree(response.body());
            switch (status.path("status").asText()) {
                case "Succeeded" -> {
                    return status.at("/properties/jobId").asText();
                }
                case "Failed", "Canceled" -> throw new AzureError(200, status.at("/error/code").asText(),
                        status.at("/error/message").asText());
                default -> wait = retryAfter(response, wait);
            }
        }
    }

    /** Polls the job every {@code jobPollInterval} until it has finished. */
    public FinishedJob waitForJob(String vaultPath, String jobId) throws IOException, InterruptedException {
        while (true) {
            HttpResponse<String> response = send("GET", url(vaultPath + "/backupJobs/" + jobId), null);
            expect(response, 200);
            JsonNode job = json.readTree(response.body());
            String status = job.at("/properties/status").asText();
            if (JOB_DONE.contains(status)) {
                return new FinishedJob(jobId, status, job);
            }
            sleeper.sleep(jobPollInterval);
        }
    }

    /** Cancels a job and waits until the cancellation is done (its result URL answers 204). */
    public void cancel(String vaultPath, String jobId) throws IOException, InterruptedException {
        HttpResponse<String> response = send("POST", url(vaultPath + "/backupJobs/" + jobId + "/cancel"), null);
        expect(response, 202);
        URI location = URI.create(header(response, "Location"));
        Duration wait = retryAfter(response, Duration.ofSeconds(60));
        while (true) {
            sleeper.sleep(wait);
            HttpResponse<String> result = send("GET", location, null);
            if (result.statusCode() == 204 || result.statusCode() == 200) {
                return;
            }
            expect(result, 202);
            wait = retryAfter(result, wait);
        }
    }

    /** Sends with the bearer token; a 429 is waited out (its Retry-After) and retried. */
    private HttpResponse<String> send(String method, URI uri, String body) throws IOException, InterruptedException {
        for (int attempt = 0; ; attempt++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + token)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 429 || attempt == MAX_THROTTLED_RETRIES) {
                return response;
            }
            sleeper.sleep(retryAfter(response, Duration.ofSeconds(60)));
        }
    }

    private URI url(String path) {
        return URI.create(base + path + "?api-version=" + API_VERSION);
    }

    private void expect(HttpResponse<String> response, int status) throws IOException {
        if (response.statusCode() != status) {
            JsonNode error = response.body().isEmpty() ? json.createObjectNode() : json.readTree(response.body());
            throw new AzureError(response.statusCode(), error.at("/error/code").asText(),
                    error.at("/error/message").asText());
        }
    }

    private static String header(HttpResponse<String> response, String name) {
        return response.headers().firstValue(name)
                .orElseThrow(() -> new IllegalStateException("Azure's " + response.statusCode() + " lacks " + name));
    }

    /** Retry-After in seconds, or {@code otherwise} when the answer has none (ARM's documented default is 60 s). */
    private static Duration retryAfter(HttpResponse<String> response, Duration otherwise) {
        Optional<String> value = response.headers().firstValue("Retry-After");
        return value.map(v -> Duration.ofSeconds(Long.parseLong(v.trim()))).orElse(otherwise);
    }
}
