package io.backupmock.server.throttling;

import io.backupmock.server.throttling.RateLimits;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * ARM's per-subscription request budget: reads, writes and deletes each counted over an hour (on
 * the subscription's clock) from the first request of the window. Every answer tells how many are
 * left; once none are, ARM answers 429 until the window ends.
 */
public final class RateLimiter {
    static final Duration WINDOW = Duration.ofHours(1);

    private final RateLimits limits;
    private final Map<String, Budget> budgets = new ConcurrentHashMap<>();

    /** Which budget a request draws on, and the header that reports it. */
    public enum Kind {
        READS("x-ms-ratelimit-remaining-subscription-reads"),
        WRITES("x-ms-ratelimit-remaining-subscription-writes"),
        DELETES("x-ms-ratelimit-remaining-subscription-deletes");

        final String header;

        Kind(String header) {
            this.header = header;
        }

        /** The response header that tells what is left of this kind's budget. */
        public String header() {
            return header;
        }

        static Kind of(String method) {
            return switch (method) {
                case "GET", "HEAD" -> READS;
                case "DELETE" -> DELETES;
                default -> WRITES;
            };
        }
    }

    /** The outcome for one request: what is left, or how long until the budget refills. */
    public record Verdict(Kind kind, long remaining, Duration retryAfter) {
        public boolean allowed() {
            return retryAfter == null;
        }

        public String header() {
            return kind.header;
        }
    }

    public RateLimiter(RateLimits limits) {
        this.limits = limits;
    }

    public Verdict take(String subscriptionId, String method, Instant now) {
        Budget budget = budgets.computeIfAbsent(subscriptionId.toLowerCase(Locale.ROOT), s -> new Budget());
        return budget.take(Kind.of(method), now);
    }

    public void forget(String subscriptionId) {
        budgets.remove(subscriptionId.toLowerCase(Locale.ROOT));
    }

    public void forgetAll() {
        budgets.clear();
    }

    private final class Budget {
        private Instant windowStart;
        private final long[] used = new long[Kind.values().length];

        synchronized Verdict take(Kind kind, Instant now) {
            if (windowStart == null || !now.isBefore(windowStart.plus(WINDOW)) || now.isBefore(windowStart)) {
                windowStart = now;
                java.util.Arrays.fill(used, 0);
            }
            long limit = switch (kind) {
                case READS -> limits.reads();
                case WRITES -> limits.writes();
                case DELETES -> limits.deletes();
            };
            if (used[kind.ordinal()] >= limit) {
                Duration wait = Duration.between(now, windowStart.plus(WINDOW));
                return new Verdict(kind, 0, wait.isZero() ? Duration.ofSeconds(1) : wait);
            }
            used[kind.ordinal()]++;
            return new Verdict(kind, limit - used[kind.ordinal()], null);
        }
    }
}
