package io.backupmock.testkit;

import io.backupmock.server.journal.Journal;
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
        return find(r -> true);
    }

    /** This test's requests that match. */
    public List<RecordedRequest> find(Predicate<RecordedRequest> filter) {
        return journal.find(r -> subscriptionId.equalsIgnoreCase(r.subscriptionId())).stream()
                .map(RecordedRequest::of).filter(filter).toList();
    }

    /** Backup triggers ({@code POST …/protectedItems/{item}/backup}) of the item named, case-insensitively. */
    public List<RecordedRequest> backupTriggers(String itemName) {
        String suffix = ("/protectedItems/" + itemName + "/backup").toLowerCase(Locale.ROOT);
        return find(r -> r.method().equals("POST") && r.path().toLowerCase(Locale.ROOT).endsWith(suffix));
    }

    /**
     * The GETs that polled {@code id}: an operation (its status or result URL, at item or vault
     * level) or a job, by the last segment of the path.
     */
    public List<RecordedRequest> polls(String id) {
        String suffix = "/" + id.toLowerCase(Locale.ROOT);
        return find(r -> r.method().equals("GET") && r.path().toLowerCase(Locale.ROOT).endsWith(suffix));
    }

    String subscriptionId() {
        return subscriptionId;
    }
}
