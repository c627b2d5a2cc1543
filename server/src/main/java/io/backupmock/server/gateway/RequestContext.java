package io.backupmock.server.gateway;

import io.backupmock.server.faults.Fault;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import java.time.Instant;

/**
 * What the gateway's handlers learn about one request and hand on to the next: the body, the
 * target, the subscription and the instant it is served at (each worked out once), the route, a
 * fault taken, and finally the response. Attached to the exchange by {@link BodyReading}.
 */
final class RequestContext {
    private static final AttachmentKey<RequestContext> KEY = AttachmentKey.create(RequestContext.class);

    final byte[] body;
    /** A failure found before any handler could run (body too large or unreadable), answered in its turn. */
    final ApiError early;
    final RequestTarget target;
    final String method;
    private final HttpServerExchange exchange;
    private final io.undertow.util.HeaderMap headers;
    /** The subscription the path names ({@code /subscriptions/{id}/…}), or null. */
    final String subscription;
    String requestId;
    Instant now;
    Router.Match match;
    /** What to answer when no route matched (404), raised once the api-version is known to be good. */
    ApiError noRoute;
    Fault fault;
    ApiResponse response;
    /** Set when the answer must wait until the change is on disk: waits (on {@link #durableWaiters}), or throws. */
    Runnable durable;
    java.util.concurrent.Executor durableWaiters;

    private RequestContext(HttpServerExchange exchange, RecentTargets targets, byte[] body, ApiError early) {
        this.body = body;
        RequestTarget parsed;
        try {
            parsed = targets.of(exchange.getRequestURI(), exchange.getQueryString());
        } catch (ApiError malformed) {
            // Answered in its turn, with the ARM headers; the request is taken for one to the root.
            parsed = RequestTarget.parse("/", null);
            early = early != null ? early : malformed;
        }
        this.early = early;
        this.target = parsed;
        this.method = exchange.getRequestMethod().toString();
        this.exchange = exchange;
        this.headers = exchange.getRequestHeaders();
        this.subscription = subscriptionOf(target);
    }

    static RequestContext attach(HttpServerExchange exchange, RecentTargets targets, byte[] body, ApiError early) {
        RequestContext context = new RequestContext(exchange, targets, body, early);
        exchange.putAttachment(KEY, context);
        return context;
    }

    static RequestContext of(HttpServerExchange exchange) {
        return exchange.getAttachment(KEY);
    }

    /** The request as operations see it, for the route matched. */
    ApiRequest request() {
        return new ApiRequest(method, target, match.params(), body, this::baseUrl, now, headers::getFirst);
    }

    /** This emulator's URL as the client reached it, from the request's scheme and Host. */
    String baseUrl() {
        return exchange.getRequestScheme() + "://" + exchange.getHostAndPort();
    }

    /** The subscription id a path names, or null. */
    static String subscriptionOf(RequestTarget target) {
        var segments = target.segments();
        return segments.size() >= 2 && segments.get(0).equalsIgnoreCase("subscriptions") ? segments.get(1) : null;
    }
}
