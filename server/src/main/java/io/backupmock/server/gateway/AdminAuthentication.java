package io.backupmock.server.gateway;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** The admin API's own bearer token, when one is set, compared in constant time. */
final class AdminAuthentication implements HttpHandler {
    private final byte[] expected;
    private final HttpHandler next;

    /** @param token the admin token, or null for none */
    AdminAuthentication(String token, HttpHandler next) {
        this.expected = token == null ? null : ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (expected != null) {
            String given = exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
            if (given == null || !MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8))) {
                throw new ApiError(401, "AuthenticationFailed",
                        "The admin API needs 'Authorization: Bearer <admin token>'.")
                        .header("WWW-Authenticate", "Bearer realm=\"backup-mock admin\"");
            }
        }
        next.handleRequest(exchange);
    }
}
