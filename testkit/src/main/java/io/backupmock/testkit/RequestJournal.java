package io.backupmock.testkit;

import io.backupmock.server.journal.Journal;
import io.backupmock.server.journal.RecordedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/** The requests one test sent (its subscription's), oldest first, with queries for the usual questions. */
public final class RequestJournal {
    private final Journal journal;
    private final String subscriptionId;

    RequestJournal(Journal journal, String subscriptionId) {
        this.journal = journal;
        this.subscriptionId = subscriptionId;
    }

    /** Every request of this test kept by the journal, oldest first. */
    public List<RecordedRequest> requests() {
        return journal.find(r -> subscriptionId.equalsIgnoreCase(r.subscriptionId()));
    }

    /** This test's requests that match. */
    public List<RecordedRequest> find(Predicate<RecordedRequest> filter) {
        return journal.find(r -> subscriptionId.equalsIgnoreCase(r.subscriptionId()) && filter.test(r));
    }

    /** Backup triggers ({@code POST …/protectedItems/{item}/backup}) of the item named, case-insensitively. */
    public List<RecordedRequest> backupTriggers(String itemName) {
        String suffix = ("/protectedItems/" + itemName + "/backup").toLowerCase(Locale.ROOT);
        return find(r -> r.method().equals("POST") && decodedPath(r).toLowerCase(Locale.ROOT).endsWith(suffix));
    }

    /**
     * The GETs that polled {@code id}: an operation (its status or result URL, at item or vault
     * level) or a job, by the last segment of the path.
     */
    public List<RecordedRequest> polls(String id) {
        String suffix = "/" + id.toLowerCase(Locale.ROOT);
        return find(r -> r.method().equals("GET") && decodedPath(r).toLowerCase(Locale.ROOT).endsWith(suffix));
    }

    /** A request's path with {@code %XX} decoded ({@code %3B} is {@code ;}). */
    public static String decodedPath(RecordedRequest r) {
        try {
            return URLDecoder.decode(r.rawPath().replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return r.rawPath();
        }
    }

    String subscriptionId() {
        return subscriptionId;
    }
}
