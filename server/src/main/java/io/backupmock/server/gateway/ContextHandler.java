package io.backupmock.server.gateway;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;

/**
 * A handler of the gateway's chain, handed the request's {@link RequestContext} with the exchange:
 * looking it up in the exchange's attachments at each of a dozen steps was a noticeable part of a
 * poll's own cost. Undertow's handlers (and the durability wrapper) join a chain through
 * {@link #of}, and find the context attached to the exchange.
 */
abstract class ContextHandler implements HttpHandler {
    @Override
    public final void handleRequest(HttpServerExchange exchange) throws Exception {
        handle(exchange, RequestContext.of(exchange));
    }

    abstract void handle(HttpServerExchange exchange, RequestContext context) throws Exception;

    /**
     * {@code handler} as the next step of a chain. Each step calls its next one itself (rather than
     * through one shared helper), so that every call site sees one kind of handler and is inlined.
     */
    static ContextHandler of(HttpHandler handler) {
        if (handler instanceof ContextHandler step) {
            return step;
        }
        return new ContextHandler() {
            @Override
            void handle(HttpServerExchange exchange, RequestContext context) throws Exception {
                handler.handleRequest(exchange);
            }
        };
    }
}
