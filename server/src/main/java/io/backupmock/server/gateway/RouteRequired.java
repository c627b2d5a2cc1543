package io.backupmock.server.gateway;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;

/** Refuses a request no route matched, with the 404 {@link Routing} chose for it. */
final class RouteRequired implements HttpHandler {
    private final HttpHandler next;

    RouteRequired(HttpHandler next) {
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        RequestContext context = RequestContext.of(exchange);
        if (context.match == null) {
            throw context.noRoute;
        }
        next.handleRequest(exchange);
    }
}
