package io.backupmock.server.gateway;

import io.backupmock.server.Emulator;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;

/** ARM's {@code api-version} check: 400 MissingApiVersionParameter or NoRegisteredProviderFound. */
final class ApiVersionCheck implements HttpHandler {
    private final Emulator emulator;
    private final HttpHandler next;

    ApiVersionCheck(Emulator emulator, HttpHandler next) {
        this.emulator = emulator;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        RequestContext context = RequestContext.of(exchange);
        // The resource type is only named in a refusal: worked out then, not on every request.
        ApiVersions.check(context.target.query("api-version"), () -> ResourceTypes.of(context.target),
                emulator.settings().apiVersions());
        next.handleRequest(exchange);
    }
}
