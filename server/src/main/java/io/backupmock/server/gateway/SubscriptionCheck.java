package io.backupmock.server.gateway;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;

/** 400 InvalidSubscriptionId when the route's subscription id is not a GUID, before any operation sees it. */
final class SubscriptionCheck implements HttpHandler {
    private final HttpHandler next;

    SubscriptionCheck(HttpHandler next) {
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        Subscriptions.check(RequestContext.of(exchange).match.params().get("subscriptionId"));
        next.handleRequest(exchange);
    }
}
