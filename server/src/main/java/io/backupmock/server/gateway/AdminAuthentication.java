package io.backupmock.server.gateway;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;

/** The admin API's own bearer token, when one is set, compared in constant time ({@link AdminTokens}). */
final class AdminAuthentication extends ContextHandler {
    private final String token;
    private final ContextHandler next;

    /** @param token the admin token, or null for none */
    AdminAuthentication(String token, HttpHandler next) {
        this.token = token;
        this.next = ContextHandler.of(next);
    }

    @Override
    void handle(HttpServerExchange exchange, RequestContext context) throws Exception {
        if (token != null) {
            var given = exchange.getRequestHeaders().get(Headers.AUTHORIZATION);
            if (given == null || given.size() != 1 || !AdminTokens.matches(token, given.getFirst())) {
                throw new ApiError(401, "AuthenticationFailed",
                        "The admin API needs 'Authorization: Bearer <admin token>'.")
                        .header("WWW-Authenticate", "Bearer realm=\"backup-mock admin\"");
            }
        }
        next.handle(exchange, context);
    }
}
