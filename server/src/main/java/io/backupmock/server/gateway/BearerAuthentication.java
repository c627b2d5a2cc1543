package io.backupmock.server.gateway;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;

/** ARM's first check: {@code Authorization: Bearer <token>} (see {@link BearerAuth}). */
final class BearerAuthentication extends ContextHandler {
    private final ContextHandler next;

    BearerAuthentication(HttpHandler next) {
        this.next = ContextHandler.of(next);
    }

    @Override
    void handle(HttpServerExchange exchange, RequestContext context) throws Exception {
        BearerAuth.check(exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION));
        next.handle(exchange, context);
    }
}
