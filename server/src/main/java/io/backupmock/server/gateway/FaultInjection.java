package io.backupmock.server.gateway;

import io.backupmock.server.faults.Fault;
import io.backupmock.server.faults.Faults;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;

/**
 * Takes the fault in force for this request, if any: one with a status answers it instead of the
 * operation; latency and dropped connections are applied when the answer is sent ({@link Responding}).
 */
final class FaultInjection extends ContextHandler {
    private final Faults faults;
    private final ContextHandler next;

    FaultInjection(Faults faults, HttpHandler next) {
        this.faults = faults;
        this.next = ContextHandler.of(next);
    }

    @Override
    void handle(HttpServerExchange exchange, RequestContext context) throws Exception {
        Fault fault = faults.take(context.method, context.target.rawPath(), context.subscription);
        context.fault = fault;
        if (fault != null && fault.status() != null) {
            ApiError error = new ApiError(fault.status(), fault.code(), fault.message());
            if (fault.retryAfter() != null) {
                error.header("Retry-After", Integer.toString(fault.retryAfter()));
            }
            throw error;
        }
        next.handle(exchange, context);
    }
}
