package io.backupmock.server.gateway;

import io.undertow.server.HttpServerExchange;

/** Runs the operation the request was routed to; its response carries the route's schema for the self-check. */
final class Dispatch extends ContextHandler {
    @Override
    void handle(HttpServerExchange exchange, RequestContext context) {
        Router.Match match = context.match;
        context.response = match.operation().handle(context.request()).schema(match.responseSchema());
    }
}
