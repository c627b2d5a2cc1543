package io.backupmock.server.gateway;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;

/**
 * Routes served outside ARM's conventions (export blob URLs: no bearer token, no api-version)
 * straight to their operation; every other request goes on to ARM's checks.
 */
final class OutsideArm implements HttpHandler {
    private final Router router;
    private final HttpHandler dispatch;
    private final HttpHandler arm;

    OutsideArm(Router router, HttpHandler dispatch, HttpHandler arm) {
        this.router = router;
        this.dispatch = dispatch;
        this.arm = arm;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        RequestContext context = RequestContext.of(exchange);
        Router.Match match = router.match(context.method, context.target.segments());
        if (match == null) {
            arm.handleRequest(exchange);
            return;
        }
        context.match = match;
        dispatch.handleRequest(exchange);
    }
}
