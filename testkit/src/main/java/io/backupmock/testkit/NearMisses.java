package io.backupmock.testkit;

import io.backupmock.contracts.EditDistance;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The recorded requests closest to one that was expected, for failure messages (as WireMock shows near misses). */
final class NearMisses {
    private NearMisses() {
    }

    /** Up to {@code count} requests nearest to {@code expected} ("METHOD path"), one a line. */
    static String closest(List<RecordedRequest> requests, String expected, int count) {
        if (requests.isEmpty()) {
            return "  (no requests were received)";
        }
        String want = expected.toLowerCase(Locale.ROOT);
        return requests.stream()
                .sorted(Comparator.comparingInt(r -> EditDistance.between(want, describe(r).toLowerCase(Locale.ROOT))))
                .limit(count)
                .map(r -> "  #" + r.sequence() + " " + r.method() + " " + r.path() + " -> "
                        + r.status())
                .collect(Collectors.joining("\n"));
    }

    static String describe(RecordedRequest r) {
        return r.method() + " " + r.path();
    }
}
