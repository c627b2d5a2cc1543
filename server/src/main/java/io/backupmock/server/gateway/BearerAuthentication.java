package io.backupmock.server.gateway;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;

/** ARM's first check: {@code Authorization: Bearer <token>} (see {@link BearerAuth}). */
final class BearerAuthentication implements HttpHandler {
    private final HttpHandler next;

    BearerAuthentication(HttpHandler next) {
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        BearerAuth.check(exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION));
        next.handleRequest(exchange);
    }
}
