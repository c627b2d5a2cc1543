package io.backupmock.server.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backupmock.server.state.Emulator;
import io.backupmock.server.gateway.ApiRequest;
import io.backupmock.server.gateway.ApiResponse;
import io.backupmock.server.journal.RecordedRequest;
import io.backupmock.server.wire.Json;
import java.util.List;

/**
 * {@code GET /backupmock/admin/journal/tail?after=&subscriptionId=&limit=}: the requests served since
 * a sequence number, so a watcher asks only for what is new. Sequence numbers never go back, not
 * even when the journal is cleared; {@code first} (the oldest entry still kept) tells a watcher
 * which of the entries it shows were cleared or dropped since.
 */
final class AdminJournalTail {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private final Emulator emulator;

    AdminJournalTail(Emulator emulator) {
        this.emulator = emulator;
    }

    ApiResponse get(ApiRequest req) {
        String subscription = req.query("subscriptionId");
        long after = number(req.query("after"), "after", 0, Long.MAX_VALUE, 0,
                "the sequence number of the last request already seen");
        int limit = (int) number(req.query("limit"), "limit", 1, MAX_LIMIT, DEFAULT_LIMIT,
                "how many of the newest requests to answer, 1 to " + MAX_LIMIT);
        List<RecordedRequest> kept = subscription == null ? emulator.journal().all()
                : emulator.journal().find(r -> subscription.equalsIgnoreCase(r.subscriptionId()));
        List<RecordedRequest> newer = kept.stream().filter(r -> r.sequence() > after).toList();
        int skipped = Math.max(0, newer.size() - limit);
        ObjectNode body = Json.object();
        body.put("dropped", emulator.journal().dropped());
        if (!kept.isEmpty()) {
            body.put("first", kept.stream().mapToLong(RecordedRequest::sequence).min().getAsLong());
            body.put("last", kept.stream().mapToLong(RecordedRequest::sequence).max().getAsLong());
        }
        body.put("skipped", skipped);
        ArrayNode out = body.putArray("requests");
        for (RecordedRequest r : newer.subList(skipped, newer.size())) {
            out.add(AdminJournal.render(r));
        }
        return ApiResponse.ok(body);
    }

    private static long number(String value, String name, long min, long max, long absent, String meaning) {
        if (value == null) {
            return absent;
        }
        try {
            long n = Long.parseLong(value);
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw AdminBodies.invalid(name + ": " + meaning + ", not '" + value + "'");
        }
    }
}
