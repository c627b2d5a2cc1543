package io.backupmock.server.gateway;

import io.backupmock.server.throttling.RateLimiter;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Counts the request against its subscription's hourly budget, tells what is left in
 * {@code x-ms-ratelimit-remaining-subscription-*}, and answers 429 with Retry-After once none is.
 */
final class RateLimiting extends ContextHandler {
    /** The x-ms-ratelimit-remaining-subscription-* header of each kind of request, made once. */
    private static final Map<RateLimiter.Kind, HttpString> HEADERS = new EnumMap<>(RateLimiter.Kind.class);

    static {
        for (RateLimiter.Kind kind : RateLimiter.Kind.values()) {
            HEADERS.put(kind, new HttpString(kind.header()));
        }
    }

    private final RateLimiter limiter;
    private final ContextHandler next;

    RateLimiting(RateLimiter limiter, HttpHandler next) {
        this.limiter = limiter;
        this.next = ContextHandler.of(next);
    }

    @Override
    void handle(HttpServerExchange exchange, RequestContext context) throws Exception {
        String subscription = context.subscription;
        if (subscription != null) {
            RateLimiter.Verdict verdict = limiter.take(subscription, context.method, context.now);
            exchange.getResponseHeaders().put(HEADERS.get(verdict.kind()), verdict.remaining());
            if (!verdict.allowed()) {
                long seconds = Math.max(1, (verdict.retryAfter().toMillis() + 999) / 1000);
                throw new ApiError(429, "SubscriptionRequestsThrottled", "Number of " + verdict.kind().name()
                        .toLowerCase(Locale.ROOT) + " requests for subscription '" + subscription
                        + "' exceeded the limit. Please try again after '" + seconds + "' seconds.")
                        .header("Retry-After", Long.toString(seconds));
            }
        }
        next.handle(exchange, context);
    }
}
