package io.backupmock.server.gateway;

import java.util.Objects;

/**
 * The request targets one server parsed lately, by their hash: a poller asks for one target over and
 * over, and parsing it anew (a string per segment, a map of the query) was a tenth of the gateway's
 * cost. A slot holds the last target that hashed to it, compared in full before it is used; a target
 * that fails to parse is never kept. Targets are immutable, so the I/O threads share them without a
 * lock. One per server, not per JVM: a target remembers its route ({@link Router#match(String,
 * RequestTarget)}), and through it the server's model, which a stopped server must not leave behind.
 */
final class RecentTargets {
    private static final int SLOTS = 512;

    private final RequestTarget[] slots = new RequestTarget[SLOTS];

    /** As {@link RequestTarget#parse}; a target seen lately is handed back as parsed then (the same answer). */
    RequestTarget of(String rawUri, String rawQuery) {
        int slot = (rawUri.hashCode() * 31 + Objects.hashCode(rawQuery)) & (SLOTS - 1);
        RequestTarget recent = slots[slot];
        if (recent != null && recent.is(rawUri, rawQuery)) {
            return recent;
        }
        RequestTarget parsed = RequestTarget.parse(rawUri, rawQuery);
        slots[slot] = parsed;
        return parsed;
    }
}
