package io.backupmock.server.gateway;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;

/** Sends requests under {@code /backupmock/admin} one way and every other request the other. */
final class AdminBranch extends ContextHandler {
    private final ContextHandler admin;
    private final ContextHandler arm;

    AdminBranch(HttpHandler admin, HttpHandler arm) {
        this.admin = ContextHandler.of(admin);
        this.arm = ContextHandler.of(arm);
    }

    @Override
    void handle(HttpServerExchange exchange, RequestContext context) throws Exception {
        var segments = context.target.segments();
        boolean isAdmin = segments.size() >= 2 && segments.get(0).equalsIgnoreCase("backupmock")
                && segments.get(1).equalsIgnoreCase("admin");
        (isAdmin ? admin : arm).handle(exchange, context);
    }
}
