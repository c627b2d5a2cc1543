package io.backupmock.server.gateway;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure within into a CloudError response: a typed {@link ApiError} as it is, and
 * anything unexpected (an {@link Error} too) as 500 InternalServerError, logged once, never a
 * stack trace to the client. A failure found before the handlers ran is answered here, in its turn.
 */
final class ErrorRendering extends ContextHandler {
    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);

    private final ContextHandler next;

    ErrorRendering(HttpHandler next) {
        this.next = ContextHandler.of(next);
    }

    @Override
    void handle(HttpServerExchange exchange, RequestContext context) {
        try {
            if (context.early != null) {
                throw context.early;
            }
            next.handle(exchange, context);
        } catch (ApiError e) {
            context.response = ApiResponse.error(e);
        } catch (Throwable e) {
            LOG.error("request {} {} failed (x-ms-request-id {})", context.method,
                    LogSafe.escape(context.target.rawPath()), context.requestId, LogSafe.escape(e));
            context.response = ApiResponse.error(new ApiError(500, "InternalServerError",
                    "The emulator could not handle the request (" + e.getClass().getSimpleName()
                            + "); x-ms-request-id " + context.requestId + "."));
        }
    }
}
