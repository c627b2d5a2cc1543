package io.backupmock.server.edge;

import io.backupmock.server.gateway.LogSafe;

import io.backupmock.server.gateway.ApiError;
import io.undertow.server.DefaultResponseListener;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.IoUtils;

/**
 * Whatever the handler inside throws, {@link Error}s included, the client gets a 500
 * InternalServerError CloudError (or, if its answer had already begun, a closed connection), and
 * the failure is logged once, its request data escaped. No stack trace ever reaches a body.
 */
public final class ErrorBoundary implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorBoundary.class);

    /**
     * Gives a body to an error answer ended without one (Undertow's own 500 after a handler it ran
     * threw, or any status a handler ended with no body): a CloudError of that status.
     */
    static final DefaultResponseListener CLOUD_ERROR_BODY = exchange -> {
        boolean failed = exchange.getAttachment(DefaultResponseListener.EXCEPTION) != null;
        if (exchange.isResponseStarted() || exchange.getStatusCode() < 400
                || (!failed && exchange.getResponseHeaders().contains(Headers.CONTENT_LENGTH))) {
            return false;
        }
        exchange.getResponseHeaders().remove(Headers.CONTENT_LENGTH);
        int status = exchange.getStatusCode();
        String message = status >= 500
                ? "The emulator could not handle the request; it failed unexpectedly."
                : "The request could not be handled (HTTP " + status + ").";
        EdgeAnswers.send(exchange, new ApiError(status, EdgeAnswers.codeOf(status), message), failed);
        return true;
    };

    private final HttpHandler next;

    public ErrorBoundary(HttpHandler next) {
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        try {
            next.handleRequest(exchange);
        } catch (Throwable failure) {
            failed(exchange, failure);
        }
    }

    /** Logs {@code failure} once and answers 500, or closes the connection if the answer has begun. */
    static void failed(HttpServerExchange exchange, Throwable failure) {
        String requestId = exchange.getResponseHeaders().getFirst("x-ms-request-id");
        LOG.error("{} {} failed ({}); x-ms-request-id {}", LogSafe.escape(exchange.getRequestMethod().toString()),
                LogSafe.escape(exchange.getRequestURI()), failure.getClass().getName(),
                LogSafe.escape(String.valueOf(requestId)), LogSafe.escape(failure));
        if (exchange.isResponseStarted()) {
            IoUtils.safeClose(exchange.getConnection());
            return;
        }
        try {
            exchange.getResponseHeaders().remove(Headers.CONTENT_LENGTH);
            EdgeAnswers.send(exchange, new ApiError(500, "InternalServerError",
                    "The emulator could not handle the request (" + failure.getClass().getSimpleName() + ")"
                            + (requestId == null ? "." : "; x-ms-request-id " + requestId + ".")), true);
        } catch (Throwable again) {
            IoUtils.safeClose(exchange.getConnection());
        }
    }
}
