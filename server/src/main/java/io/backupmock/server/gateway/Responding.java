package io.backupmock.server.gateway;

import io.backupmock.server.faults.Fault;
import io.backupmock.server.journal.HeaderTable;
import io.backupmock.server.journal.Journal;
import io.backupmock.server.journal.RecordedRequest;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.SameThreadExecutor;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.IoUtils;

/**
 * Sends the response the handlers within produced: status, headers and body, recorded in the
 * journal first (a client that has its answer finds it there), late or never if a fault says so.
 */
final class Responding extends ContextHandler {
    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);
    private static final byte[] NO_BODY = new byte[0];

    /** Null for the admin API, which is not journaled. */
    private final Journal journal;
    private final ContextHandler next;

    Responding(Journal journal, HttpHandler next) {
        this.journal = journal;
        this.next = ContextHandler.of(next);
    }

    @Override
    void handle(HttpServerExchange exchange, RequestContext context) throws Exception {
        next.handle(exchange, context);
        Runnable durable = context.durable;
        if (durable != null) {
            // Off the I/O thread: other requests go on while this one waits for the disk.
            exchange.dispatch(context.durableWaiters, () -> {
                try {
                    durable.run();
                } catch (ApiError e) {
                    context.response = ApiResponse.error(e);
                }
                respond(exchange, context);
            });
            return;
        }
        respond(exchange, context);
    }

    private void respond(HttpServerExchange exchange, RequestContext context) {
        Fault fault = context.fault;
        Duration latency = fault == null ? null : fault.latency();
        if (latency != null && !latency.isZero()) {
            exchange.dispatch(SameThreadExecutor.INSTANCE, () -> exchange.getIoThread().executeAfter(
                    () -> finish(exchange, context), latency.toMillis(), TimeUnit.MILLISECONDS));
            return;
        }
        finish(exchange, context);
    }

    private void finish(HttpServerExchange exchange, RequestContext context) {
        ApiResponse response = context.response;
        byte[] body = prepare(exchange, response);
        if (journal != null) {
            record(exchange, context, body);
        }
        if (context.fault != null && context.fault.drops()) {
            IoUtils.safeClose(exchange.getConnection());
            return;
        }
        if (body.length == 0) {
            exchange.endExchange();
        } else {
            exchange.getResponseSender().send(ByteBuffer.wrap(body));
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} {}{} -> {}", context.method, context.target.rawPath(),
                    exchange.getQueryString().isEmpty() ? "" : "?" + exchange.getQueryString(), response.status());
        }
    }

    /** Sets status and headers; answers the body's bytes. */
    private static byte[] prepare(HttpServerExchange exchange, ApiResponse response) {
        exchange.setStatusCode(response.status());
        HeaderMap out = exchange.getResponseHeaders();
        if (response.hasHeaders()) {
            for (Map.Entry<String, String> h : response.headers().entrySet()) {
                out.put(new HttpString(h.getKey()), h.getValue());
            }
        }
        if (!response.hasBody()) {
            out.put(Headers.CONTENT_LENGTH, 0);
            return NO_BODY;
        }
        byte[] bytes = response.bodyBytes();
        out.put(Headers.CONTENT_TYPE, "application/json; charset=utf-8");
        out.put(Headers.CONTENT_LENGTH, bytes.length);
        return bytes;
    }

    private void record(HttpServerExchange exchange, RequestContext context, byte[] responseBody) {
        if (journal.capacity() == 0) {
            return;
        }
        HeaderMap in = exchange.getRequestHeaders();
        HeaderTable.Builder<List<String>> headers = new HeaderTable.Builder<>(in.size());
        for (HeaderValues h : in) {
            headers.put(h.getHeaderName().toString(), h.size() == 1 ? List.of(h.getFirst()) : List.copyOf(h));
        }
        HeaderMap out = exchange.getResponseHeaders();
        HeaderTable.Builder<String> responseHeaders = new HeaderTable.Builder<>(out.size());
        for (HeaderValues h : out) {
            responseHeaders.put(h.getHeaderName().toString(), h.getFirst());
        }
        ApiResponse response = context.response;
        journal.record(new RecordedRequest(journal.nextSequence(), context.now, context.method,
                context.target.rawPath(), exchange.getQueryString(), headers.build(), context.body, context.subscription,
                response.status(), responseHeaders.build(), responseBody, response.violations()));
    }
}
