package io.backupmock.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import io.backupmock.server.wire.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** What good polling looks like, judged from the journal: Retry-After honoured, no polls after the end. */
final class Polling {
    private static final Set<String> TERMINAL_OPERATION = Set.of("Succeeded", "Failed", "Canceled");

    private Polling() {
    }

    /**
     * Each request that came sooner than a Retry-After allowed: after a 202 or 429 carrying
     * Retry-After, the next request to the URLs it pointed at (or to itself) must wait that long.
     */
    static List<String> retryAfterBreaches(List<RecordedRequest> all, List<RecordedRequest> judged) {
        List<String> breaches = new ArrayList<>();
        for (RecordedRequest answer : all) {
            String retryAfter = answer.responseHeader("retry-after");
            if (retryAfter == null) {
                continue;
            }
            long seconds;
            try {
                seconds = Long.parseLong(retryAfter.trim());
            } catch (NumberFormatException e) {
                continue;
            }
            Set<String> followUps = new java.util.HashSet<>();
            followUps.add(key(answer));
            addTarget(followUps, answer.responseHeader("location"));
            addTarget(followUps, answer.responseHeader("azure-asyncoperation"));
            for (RecordedRequest next : all) {
                if (next.sequence() > answer.sequence() && followUps.contains(key(next))) {
                    Duration waited = Duration.between(answer.at(), next.at());
                    if (judged.contains(next) && waited.getSeconds() < seconds) {
                        breaches.add("#" + next.sequence() + " " + next.method() + " " + next.path()
                                + " came " + describe(waited) + " after #" + answer.sequence() + " answered "
                                + answer.status() + " with Retry-After: " + seconds);
                    }
                    break;
                }
            }
        }
        return breaches;
    }

    /** Each poll sent after the same URL had already reported a terminal state. */
    static List<String> pollsAfterTheEnd(List<RecordedRequest> polls) {
        Map<String, RecordedRequest> endedAt = new LinkedHashMap<>();
        List<String> late = new ArrayList<>();
        for (RecordedRequest poll : polls) {
            String key = key(poll);
            RecordedRequest end = endedAt.get(key);
            if (end != null) {
                late.add("#" + poll.sequence() + " GET " + poll.path()
                        + " polled again after #" + end.sequence() + " had answered " + terminalState(end));
            } else if (terminalState(poll) != null) {
                endedAt.put(key, poll);
            }
        }
        return late;
    }

    /** The terminal state a poll's answer shows, or null while the operation or job runs. */
    static String terminalState(RecordedRequest poll) {
        if (poll.status() == 204) {
            return "204 No Content";
        }
        if (poll.status() != 200) {
            return null;
        }
        String path = poll.path().toLowerCase(Locale.ROOT);
        if (path.contains("/operationresults/") || path.contains("/backupoperationresults/")) {
            return "200 with the result";
        }
        try {
            JsonNode body = Json.mapper().readTree(poll.responseBodyBytes());
            String status = body.path("status").asText(null);
            if (status != null && TERMINAL_OPERATION.contains(status)) {
                return "operation status " + status;
            }
            JobStatus job = JobStatus.parse(body.at("/properties/status").asText(""));
            if (job != null && job.isTerminal()) {
                return "job status " + job;
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    private static void addTarget(Set<String> keys, String url) {
        if (url == null) {
            return;
        }
        try {
            keys.add("GET " + URLDecoder.decode(URI.create(url.replace(" ", "%20")).getRawPath()
                    .replace("+", "%2B"), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            // not a URL the client could have followed; nothing to judge
        }
    }

    private static String key(RecordedRequest r) {
        return r.method() + " " + r.path().toLowerCase(Locale.ROOT);
    }

    private static String describe(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.getSeconds() + " s" : d.toMillis() + " ms";
    }
}
