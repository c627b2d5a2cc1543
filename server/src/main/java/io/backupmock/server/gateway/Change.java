package io.backupmock.server.gateway;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One change to the emulator's state as a kept state saves it: the request that made it (method,
 * target and body, admin API or ARM), the instant it was served at, the ids it handed out, and
 * the virtual clocks that moved since the change before (by subscription, "" for the emulator's
 * own). Made again by {@link Replay}, it leaves the same vaults, jobs and operations, with the same
 * ids. A change with no method only notes the clocks (as a clean stop does).
 *
 * @param reset whether it is the admin API's reset, after which nothing before it matters
 */
public record Change(boolean admin, String method, String uri, String query, byte[] body, Instant now,
                     List<String> ids, Map<String, Instant> clocks, boolean reset) {

    public Change {
        query = query == null ? "" : query;
        body = body == null ? new byte[0] : body;
        ids = List.copyOf(ids);
        clocks = Map.copyOf(clocks);
    }

    /** A change that only notes where the virtual clocks stand. */
    public static Change clocksOnly(Map<String, Instant> clocks, Instant now) {
        return new Change(false, null, null, null, null, Objects.requireNonNull(now), List.of(), clocks, false);
    }

    /** Whether it was made by a request (else it only notes the clocks). */
    public boolean isRequest() {
        return method != null;
    }
}
