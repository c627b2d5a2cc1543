package io.backupmock.server.gateway;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;

/** Refuses a request no route matched, with the 404 {@link Routing} chose for it. */
final class RouteRequired extends ContextHandler {
    private final ContextHandler next;

    RouteRequired(HttpHandler next) {
        this.next = ContextHandler.of(next);
    }

    @Override
    void handle(HttpServerExchange exchange, RequestContext context) throws Exception {
        if (context.match == null) {
            throw context.noRoute;
        }
        next.handle(exchange, context);
    }
}
