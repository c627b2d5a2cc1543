package io.backupmock.server.gateway;

import io.backupmock.server.state.ApiVersionPolicy;
import io.backupmock.server.state.Emulator;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;

/** ARM's {@code api-version} check: 400 MissingApiVersionParameter or NoRegisteredProviderFound. */
final class ApiVersionCheck extends ContextHandler {
    private final Emulator emulator;
    private final ContextHandler next;

    ApiVersionCheck(Emulator emulator, HttpHandler next) {
        this.emulator = emulator;
        this.next = ContextHandler.of(next);
    }

    @Override
    void handle(HttpServerExchange exchange, RequestContext context) throws Exception {
        String version = context.target.query("api-version");
        if (version == null || version.isEmpty()) {
            throw ApiError.badRequest("MissingApiVersionParameter",
                    "The api-version query parameter (?api-version=) is required for all requests.");
        }
        ApiVersionPolicy policy = emulator.settings().apiVersions();
        if (!policy.accepts(version)) {
            // The resource type is only named in a refusal: worked out then, not on every request.
            throw ApiError.badRequest("NoRegisteredProviderFound",
                    "No registered resource provider found for location 'westus' and API version '" + version
                            + "' for type '" + ResourceTypes.of(context.target) + "'. The supported api-versions are '"
                            + policy.supportedList() + "'. The supported locations are 'westus'.");
        }
        next.handle(exchange, context);
    }
}
