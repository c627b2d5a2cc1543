package io.backupmock.testkit;

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
                .sorted(Comparator.comparingInt(r -> distance(want, describe(r).toLowerCase(Locale.ROOT))))
                .limit(count)
                .map(r -> "  #" + r.sequence() + " " + r.method() + " " + r.path() + " -> "
                        + r.status())
                .collect(Collectors.joining("\n"));
    }

    static String describe(RecordedRequest r) {
        return r.method() + " " + r.path();
    }

    /** Levenshtein distance, two rows. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
