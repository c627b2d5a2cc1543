package io.backupmock.server.gateway;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;

/**
 * Routes served outside ARM's conventions (export blob URLs: no bearer token, no api-version)
 * straight to their operation; every other request goes on to ARM's checks.
 */
final class OutsideArm extends ContextHandler {
    private final Router router;
    private final ContextHandler dispatch;
    private final ContextHandler arm;

    OutsideArm(Router router, HttpHandler dispatch, HttpHandler arm) {
        this.router = router;
        this.dispatch = ContextHandler.of(dispatch);
        this.arm = ContextHandler.of(arm);
    }

    @Override
    void handle(HttpServerExchange exchange, RequestContext context) throws Exception {
        Router.Match match = router.match(context.method, context.target);
        if (match == null) {
            arm.handle(exchange, context);
            return;
        }
        context.match = match;
        dispatch.handle(exchange, context);
    }
}
