package io.backupmock.server.gateway;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.util.Set;
import java.util.function.Function;

/**
 * Matches the request to a route. A path served for other methods answers 405 with {@code Allow}
 * at once; a path served for none is refused later, by {@link RouteRequired}, so that checks ARM
 * makes first (the api-version) come first.
 */
final class Routing extends ContextHandler {
    private final Router router;
    private final Function<RequestContext, ApiError> notFound;
    private final ContextHandler next;

    Routing(Router router, Function<RequestContext, ApiError> notFound, HttpHandler next) {
        this.router = router;
        this.notFound = notFound;
        this.next = ContextHandler.of(next);
    }

    @Override
    void handle(HttpServerExchange exchange, RequestContext context) throws Exception {
        context.match = router.match(context.method, context.target);
        if (context.match == null) {
            Set<String> allowed = router.allowed(context.target.segments());
            if (!allowed.isEmpty()) {
                throw new ApiError(405, "MethodNotAllowed", "The requested resource does not support http method '"
                        + context.method + "'.").header("Allow", String.join(", ", allowed));
            }
            context.noRoute = notFound.apply(context);
        }
        next.handle(exchange, context);
    }
}
