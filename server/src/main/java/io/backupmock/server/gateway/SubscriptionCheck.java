package io.backupmock.server.gateway;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;

/** 400 InvalidSubscriptionId when the route's subscription id is not a GUID, before any operation sees it. */
final class SubscriptionCheck extends ContextHandler {
    private final ContextHandler next;

    SubscriptionCheck(HttpHandler next) {
        this.next = ContextHandler.of(next);
    }

    @Override
    void handle(HttpServerExchange exchange, RequestContext context) throws Exception {
        Subscriptions.check(context.match.params().get("subscriptionId"));
        next.handle(exchange, context);
    }
}
