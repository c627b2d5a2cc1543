package io.backupmock.server.gateway;

import io.backupmock.server.Emulator;
import io.backupmock.server.clock.VirtualClock;
import io.backupmock.server.wire.Json;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The front door: Azure Resource Manager's conventions in one place. Every request gets request
 * ids, Date and no-cache headers; then auth, api-version and routing are checked in ARM's order;
 * every failure, including an unexpected one, leaves as a CloudError, never a stack trace.
 */
public final class Gateway implements HttpHandler {
    public static final int MAX_BODY_BYTES = 1024 * 1024;
    /** Past this the connection is cut rather than drained. */
    public static final long MAX_DRAINED_BYTES = 64L * 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);
    private static final byte[] NO_BODY = new byte[0];
    private static final HttpString REQUEST_ID = new HttpString("x-ms-request-id");
    private static final HttpString CORRELATION_ID = new HttpString("x-ms-correlation-request-id");
    private static final HttpString CLIENT_REQUEST_ID = new HttpString("x-ms-client-request-id");
    private static final HttpString ROUTING_ID = new HttpString("x-ms-routing-request-id");
    private static final HttpString CONTENT_TYPE_OPTIONS = new HttpString("X-Content-Type-Options");
    private static final DateTimeFormatter ROUTING_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final Emulator emulator;
    private final Router router;
    private final Map<String, Operation> unauthenticated;

    /**
     * @param unauthenticated operations outside ARM (export blobs), by the first path segment
     */
    public Gateway(Emulator emulator, Router router, Map<String, Operation> unauthenticated) {
        this.emulator = emulator;
        this.router = router;
        this.unauthenticated = unauthenticated;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        long length = exchange.getRequestContentLength();
        if (length > MAX_DRAINED_BYTES) {
            exchange.setPersistent(false);
            serve(exchange, NO_BODY, tooLarge());
            return;
        }
        boolean hasBody = length > 0 || (length < 0 && exchange.getRequestHeaders().contains(Headers.TRANSFER_ENCODING));
        if (!hasBody) {
            serve(exchange, NO_BODY, null);
            return;
        }
        BodyCollector body = new BodyCollector();
        exchange.getRequestReceiver().receivePartialBytes(
                (ex, chunk, last) -> {
                    body.add(chunk);
                    if (last) {
                        serve(ex, body.bytes(), body.tooLarge() ? tooLarge() : null);
                    }
                },
                (ex, e) -> {
                    ex.setPersistent(false);
                    serve(ex, NO_BODY, isTooLarge(e) ? tooLarge()
                            : ApiError.badRequest("InvalidRequestContent", "The request body could not be read."));
                });
    }

    /** Keeps up to the limit, then only counts: the rest is read and dropped so the 413 reaches the client. */
    private static final class BodyCollector {
        private final java.io.ByteArrayOutputStream kept = new java.io.ByteArrayOutputStream();
        private boolean tooLarge;

        void add(byte[] chunk) {
            if (!tooLarge && kept.size() + chunk.length <= MAX_BODY_BYTES) {
                kept.write(chunk, 0, chunk.length);
            } else {
                tooLarge = true;
            }
        }

        boolean tooLarge() {
            return tooLarge;
        }

        byte[] bytes() {
            return tooLarge ? NO_BODY : kept.toByteArray();
        }
    }

    private void serve(HttpServerExchange exchange, byte[] body, ApiError early) {
        if (emulator.clock() instanceof VirtualClock virtual) {
            virtual.onRequest();
        }
        Instant now = emulator.now();
        String requestId = Ids.guid();
        writeArmHeaders(exchange, requestId, now);
        ApiResponse response;
        try {
            if (early != null) {
                throw early;
            }
            response = route(exchange, body, now);
        } catch (ApiError e) {
            response = ApiResponse.error(e);
        } catch (RuntimeException e) {
            LOG.error("request {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            response = ApiResponse.error(new ApiError(500, "InternalServerError",
                    "The emulator could not handle the request (" + e.getClass().getSimpleName()
                            + "); x-ms-request-id " + requestId + "."));
        }
        write(exchange, response);
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} {}{} -> {}", exchange.getRequestMethod(), exchange.getRequestURI(),
                    exchange.getQueryString().isEmpty() ? "" : "?" + exchange.getQueryString(), response.status());
        }
    }

    private ApiResponse route(HttpServerExchange exchange, byte[] body, Instant now) {
        RequestTarget target = RequestTarget.parse(exchange.getRequestURI(), exchange.getQueryString());
        String method = exchange.getRequestMethod().toString();
        String baseUrl = exchange.getRequestScheme() + "://" + exchange.getHostAndPort();
        if (!target.segments().isEmpty()) {
            Operation outside = unauthenticated.get(target.segments().get(0).toLowerCase(java.util.Locale.ROOT));
            if (outside != null && method.equals("GET")) {
                String rest = String.join("/", target.segments().subList(1, target.segments().size()));
                return outside.handle(new ApiRequest(method, target, Map.of("path", rest), body, baseUrl, now));
            }
        }
        if (emulator.settings().authRequired()) {
            BearerAuth.check(exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION));
        }
        Set<String> allowed = new HashSet<>(4);
        Router.Match match = router.match(method, target.segments(), allowed);
        if (match == null && !allowed.isEmpty()) {
            throw new ApiError(405, "MethodNotAllowed",
                    "The requested resource does not support http method '" + method + "'.")
                    .header("Allow", String.join(", ", allowed));
        }
        ApiVersions.check(target.query("api-version"), resourceType(target));
        if (match == null) {
            throw unknownRoute(target, method);
        }
        Subscriptions.check(match.params().get("subscriptionId"));
        return match.operation().handle(new ApiRequest(method, target, match.params(), body, baseUrl, now));
    }

    private static String resourceType(RequestTarget target) {
        var s = target.segments();
        for (int i = 0; i + 1 < s.size(); i++) {
            if (s.get(i).equalsIgnoreCase("providers")) {
                StringBuilder type = new StringBuilder(s.get(i + 1));
                for (int j = i + 2; j < s.size(); j += 2) {
                    type.append('/').append(s.get(j));
                }
                return type.toString();
            }
        }
        return "Microsoft.RecoveryServices/vaults";
    }

    private static ApiError unknownRoute(RequestTarget target, String method) {
        var s = target.segments();
        int providers = -1;
        for (int i = 0; i < s.size(); i++) {
            if (s.get(i).equalsIgnoreCase("providers")) {
                providers = i;
                break;
            }
        }
        if (providers >= 0 && providers + 1 < s.size()
                && s.get(providers + 1).equalsIgnoreCase("Microsoft.RecoveryServices")) {
            return ApiError.notFound("InvalidResourceType", "The resource type '" + resourceType(target)
                    + "' could not be found in the namespace 'Microsoft.RecoveryServices' for this api-version, "
                    + "or the route does not support " + method + ".");
        }
        return ApiError.notFound("NotFound",
                "No HTTP resource was found that matches the request URI '" + target.rawPath() + "'.");
    }

    private static void writeArmHeaders(HttpServerExchange exchange, String requestId, Instant now) {
        HeaderMap in = exchange.getRequestHeaders();
        HeaderMap out = exchange.getResponseHeaders();
        String correlation = in.getFirst(CORRELATION_ID);
        String client = in.getFirst(CLIENT_REQUEST_ID);
        out.put(REQUEST_ID, requestId);
        out.put(CORRELATION_ID, correlation == null || correlation.isBlank() ? requestId : correlation);
        if (client != null) {
            out.put(CLIENT_REQUEST_ID, client);
        }
        out.put(ROUTING_ID, "LOCAL:" + ROUTING_TIME.format(now) + ":" + requestId);
        out.put(Headers.DATE, DateTimeFormatter.RFC_1123_DATE_TIME.format(now.atOffset(ZoneOffset.UTC)));
        out.put(Headers.CACHE_CONTROL, "no-cache");
        out.put(Headers.PRAGMA, "no-cache");
        out.put(CONTENT_TYPE_OPTIONS, "nosniff");
    }

    private static void write(HttpServerExchange exchange, ApiResponse response) {
        exchange.setStatusCode(response.status());
        HeaderMap out = exchange.getResponseHeaders();
        for (Map.Entry<String, String> h : response.headers().entrySet()) {
            out.put(new HttpString(h.getKey()), h.getValue());
        }
        if (response.body() == null) {
            out.put(Headers.CONTENT_LENGTH, 0);
            exchange.endExchange();
            return;
        }
        byte[] bytes;
        try {
            bytes = Json.MAPPER.writeValueAsBytes(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("cannot render a JSON tree", e);
        }
        out.put(Headers.CONTENT_TYPE, "application/json; charset=utf-8");
        exchange.getResponseSender().send(ByteBuffer.wrap(bytes));
    }

    private static boolean isTooLarge(Throwable e) {
        return e.getClass().getSimpleName().equals("RequestTooBigException");
    }

    private static ApiError tooLarge() {
        return new ApiError(413, "RequestEntityTooLarge",
                "The request body is larger than the " + MAX_BODY_BYTES + " bytes the service accepts.");
    }
}
