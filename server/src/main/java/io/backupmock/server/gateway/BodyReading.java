package io.backupmock.server.gateway;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.ByteArrayOutputStream;

/**
 * Reads the request body up to {@link #MAX_BODY_BYTES}, then hands on with a {@link RequestContext}.
 * A larger body is read on and dropped (so the 413 reaches the client) up to
 * {@link #MAX_DRAINED_BYTES}; past that the connection is cut once answered.
 */
final class BodyReading implements HttpHandler {
    static final int MAX_BODY_BYTES = 1024 * 1024;
    static final long MAX_DRAINED_BYTES = 64L * 1024 * 1024;
    private static final byte[] NO_BODY = new byte[0];

    private final ContextHandler next;
    private final RecentTargets targets = new RecentTargets();

    BodyReading(HttpHandler next) {
        this.next = ContextHandler.of(next);
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        long length = exchange.getRequestContentLength();
        if (length > MAX_DRAINED_BYTES) {
            exchange.setPersistent(false);
            handOn(exchange, NO_BODY, tooLarge());
            return;
        }
        boolean hasBody = length > 0 || (length < 0 && exchange.getRequestHeaders().contains(Headers.TRANSFER_ENCODING));
        if (!hasBody) {
            handOn(exchange, NO_BODY, null);
            return;
        }
        Collector body = new Collector();
        exchange.getRequestReceiver().receivePartialBytes(
                (ex, chunk, last) -> {
                    body.add(chunk);
                    if (last) {
                        handOn(ex, body.bytes(), body.tooLarge ? tooLarge() : null);
                    }
                },
                (ex, e) -> {
                    ex.setPersistent(false);
                    handOn(ex, NO_BODY, isTooLarge(e) ? tooLarge()
                            : ApiError.badRequest("InvalidRequestContent", "The request body could not be read."));
                });
    }

    private void handOn(HttpServerExchange exchange, byte[] body, ApiError early) {
        RequestContext context = RequestContext.attach(exchange, targets, body, early);
        try {
            next.handle(exchange, context);
        } catch (Exception e) {
            // The handlers within answer every failure themselves; this is for one that slips past them.
            throw new IllegalStateException(e);
        }
    }

    /** Keeps up to the limit, then only counts. */
    private static final class Collector {
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private boolean tooLarge;

        void add(byte[] chunk) {
            if (!tooLarge && kept.size() + chunk.length <= MAX_BODY_BYTES) {
                kept.write(chunk, 0, chunk.length);
            } else {
                tooLarge = true;
            }
        }

        byte[] bytes() {
            return tooLarge ? NO_BODY : kept.toByteArray();
        }
    }

    private static boolean isTooLarge(Throwable e) {
        return e.getClass().getSimpleName().equals("RequestTooBigException");
    }

    private static ApiError tooLarge() {
        return new ApiError(413, "RequestEntityTooLarge",
                "The request body is larger than the " + MAX_BODY_BYTES + " bytes the service accepts.");
    }
}
