package io.backupmock.server.gateway;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;

/** Sends requests under {@code /backupmock/admin} one way and every other request the other. */
final class AdminBranch implements HttpHandler {
    private final HttpHandler admin;
    private final HttpHandler arm;

    AdminBranch(HttpHandler admin, HttpHandler arm) {
        this.admin = admin;
        this.arm = arm;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        var segments = RequestContext.of(exchange).target.segments();
        boolean isAdmin = segments.size() >= 2 && segments.get(0).equalsIgnoreCase("backupmock")
                && segments.get(1).equalsIgnoreCase("admin");
        (isAdmin ? admin : arm).handleRequest(exchange);
    }
}
