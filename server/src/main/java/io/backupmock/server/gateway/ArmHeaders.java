package io.backupmock.server.gateway;

import io.backupmock.server.state.Emulator;
import io.backupmock.server.clock.VirtualClock;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.time.Clock;

/**
 * Fixes the instant a request is served at (every state in one answer is read at it) and writes
 * the headers ARM puts on every answer: request, correlation, client and routing ids, Date and
 * no-cache. ARM requests read their subscription's clock, and a virtual clock with auto-advance
 * ticks once per request; admin requests read the emulator's clock and never move it.
 */
final class ArmHeaders extends ContextHandler {
    private static final HttpString REQUEST_ID = new HttpString("x-ms-request-id");
    private static final HttpString CORRELATION_ID = new HttpString("x-ms-correlation-request-id");
    private static final HttpString CLIENT_REQUEST_ID = new HttpString("x-ms-client-request-id");
    private static final HttpString ROUTING_ID = new HttpString("x-ms-routing-request-id");
    private static final HttpString CONTENT_TYPE_OPTIONS = new HttpString("X-Content-Type-Options");

    private final Emulator emulator;
    private final boolean subscriptionClock;
    private final ContextHandler next;

    private ArmHeaders(Emulator emulator, boolean subscriptionClock, HttpHandler next) {
        this.emulator = emulator;
        this.subscriptionClock = subscriptionClock;
        this.next = ContextHandler.of(next);
    }

    static ArmHeaders forArm(Emulator emulator, HttpHandler next) {
        return new ArmHeaders(emulator, true, next);
    }

    static ArmHeaders forAdmin(Emulator emulator, HttpHandler next) {
        return new ArmHeaders(emulator, false, next);
    }

    @Override
    void handle(HttpServerExchange exchange, RequestContext context) throws Exception {
        Clock clock = subscriptionClock ? emulator.clockFor(context.subscription) : emulator.clock();
        if (subscriptionClock && clock instanceof VirtualClock virtual) {
            virtual.onRequest();
        }
        context.now = clock.instant();
        context.requestId = Ids.guid();
        HeaderMap in = exchange.getRequestHeaders();
        HeaderMap out = exchange.getResponseHeaders();
        String correlation = in.getFirst(CORRELATION_ID);
        String client = in.getFirst(CLIENT_REQUEST_ID);
        out.put(REQUEST_ID, context.requestId);
        out.put(CORRELATION_ID, correlation == null || correlation.isBlank() ? context.requestId : correlation);
        if (client != null) {
            out.put(CLIENT_REQUEST_ID, client);
        }
        SecondStamps stamps = SecondStamps.of(context.now);
        out.put(ROUTING_ID, "LOCAL:" + stamps.routingTime + ":" + context.requestId);
        out.put(Headers.DATE, stamps.date);
        out.put(Headers.CACHE_CONTROL, "no-cache");
        out.put(Headers.PRAGMA, "no-cache");
        out.put(CONTENT_TYPE_OPTIONS, "nosniff");
        next.handle(exchange, context);
    }
}
