package com.example.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;

/**
 * Backs up a VM and waits for its job, as Azure's REST API asks: trigger, follow the operation
 * (honouring Retry-After) to its job id, then read the job until it has finished.
 */
public final class BackupClient {
    private static final String API_VERSION = "2023-06-01";
    private static final Set<String> FINISHED = Set.of("Completed", "CompletedWithWarnings", "Failed", "Cancelled");
    private static final Duration JOB_POLL_INTERVAL = Duration.ofSeconds(30);

    /** How the client waits between polls; production code passes real sleeping. */
    @FunctionalInterface
    public interface Waiter {
        void await(Duration duration) throws InterruptedException;
    }

    private final HttpClient http;
    private final URI base;
    private final String token;
    private final Waiter waiter;
    private final ObjectMapper json = new ObjectMapper();

    public BackupClient(HttpClient http, URI base, String token, Waiter waiter) {
        this.http = http;
        this.base = base;
        this.token = token;
        this.waiter = waiter;
    }

    /** Backs up the protected item and waits for its job to finish; answers the job's id. */
    public String backUp(String itemPath, String vaultPath) throws IOException, InterruptedException {
        HttpResponse<String> accepted = send("POST", base + itemPath + "/backup?api-version=" + API_VERSION,
                "{\"properties\":{\"objectType\":\"IaasVMBackupRequest\"}}");
        expect(accepted, 202);
        URI status = URI.create(accepted.headers().firstValue("Azure-AsyncOperation").orElseThrow());
        String jobId = null;
        while (jobId == null) {
            waiter.await(retryAfter(accepted));
            accepted = send("GET", status.toString(), null);
            expect(accepted, 200);
            JsonNode operation = json.readTree(accepted.body());
            switch (operation.path("status").asText()) {
                case "Succeeded" -> jobId = operation.at("/properties/jobId").asText();
                case "InProgress" -> { }
                default -> throw new IOException("backup failed: " + operation.path("error"));
            }
        }
        while (true) {
            HttpResponse<String> job = send("GET", base + vaultPath + "/backupJobs/" + jobId + "?api-version="
                    + API_VERSION, null);
            expect(job, 200);
            if (FINISHED.contains(json.readTree(job.body()).at("/properties/status").asText())) {
                return jobId;
            }
            waiter.await(JOB_POLL_INTERVAL);
        }
    }

    private HttpResponse<String> send(String method, String url, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void expect(HttpResponse<String> response, int status) throws IOException {
        if (response.statusCode() != status) {
            throw new IOException("expected " + status + " but got " + response.statusCode() + ": " + response.body());
        }
    }

    private static Duration retryAfter(HttpResponse<String> response) {
        return Duration.ofSeconds(response.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L));
    }
}
