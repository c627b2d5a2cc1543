package io.backupmock.server.gateway;

import io.backupmock.contracts.Schemas;
import io.backupmock.contracts.Violation;
import io.backupmock.server.Emulator;
import io.backupmock.server.clock.VirtualClock;
import io.backupmock.server.faults.Fault;
import io.backupmock.server.journal.Journal;
import io.backupmock.server.journal.RecordedRequest;
import com.fasterxml.jackson.databind.JsonNode;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.SameThreadExecutor;
import org.xnio.IoUtils;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
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

    private final Emulator emulator;
    private final Router router;
    private final Router outsideArm;
    private final Router admin;

    /**
     * @param router     the ARM operations
     * @param outsideArm routes outside ARM (export blobs): no bearer token or api-version
     * @param admin      the admin API under {@code /backupmock/admin}: its own token, no journal, no faults
     */
    public Gateway(Emulator emulator, Router router, Router outsideArm, Router admin) {
        this.emulator = emulator;
        this.router = router;
        this.outsideArm = outsideArm;
        this.admin = admin;
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
        if (isAdmin(exchange.getRequestURI())) {
            serveAdmin(exchange, body, early);
            return;
        }
        String subscription = subscriptionOf(exchange.getRequestURI());
        Clock clock = emulator.clockFor(subscription);
        if (clock instanceof VirtualClock virtual) {
            virtual.onRequest();
        }
        Instant now = clock.instant();
        String requestId = Ids.guid();
        writeArmHeaders(exchange, requestId, now);
        Fault[] fault = new Fault[1];
        ApiResponse response;
        try {
            if (early != null) {
                throw early;
            }
            response = route(exchange, body, now, subscription, fault);
        } catch (ApiError e) {
            response = ApiResponse.error(e);
        } catch (RuntimeException e) {
            LOG.error("request {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            response = ApiResponse.error(new ApiError(500, "InternalServerError",
                    "The emulator could not handle the request (" + e.getClass().getSimpleName()
                            + "); x-ms-request-id " + requestId + "."));
        }
        if (emulator.settings().validateResponses()) {
            response = selfChecked(exchange, response, requestId);
        }
        ApiResponse answer = response;
        Duration latency = fault[0] == null ? null : fault[0].latency();
        if (latency != null && !latency.isZero()) {
            exchange.dispatch(SameThreadExecutor.INSTANCE, () -> exchange.getIoThread().executeAfter(
                    () -> finish(exchange, body, now, subscription, answer, fault[0]),
                    latency.toMillis(), TimeUnit.MILLISECONDS));
            return;
        }
        finish(exchange, body, now, subscription, answer, fault[0]);
    }

    private void finish(HttpServerExchange exchange, byte[] body, Instant now, String subscription,
                        ApiResponse response, Fault fault) {
        byte[] responseBody = prepare(exchange, response);
        // Recorded before it is sent: a client that has its answer finds it in the journal.
        record(exchange, body, now, subscription, response, responseBody);
        if (fault != null && fault.drops()) {
            IoUtils.safeClose(exchange.getConnection());
            return;
        }
        send(exchange, responseBody);
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} {}{} -> {}", exchange.getRequestMethod(), exchange.getRequestURI(),
                    exchange.getQueryString().isEmpty() ? "" : "?" + exchange.getQueryString(), response.status());
        }
    }

    private static boolean isAdmin(String rawPath) {
        int at = 0;
        while (at < rawPath.length() && rawPath.charAt(at) == '/') {
            at++;
        }
        String prefix = "backupmock/admin";
        return rawPath.regionMatches(true, at, prefix, 0, prefix.length())
                && (rawPath.length() == at + prefix.length() || rawPath.charAt(at + prefix.length()) == '/');
    }

    /** The admin API: not journaled, not faulted, not counted, and it does not move the clock. */
    private void serveAdmin(HttpServerExchange exchange, byte[] body, ApiError early) {
        String requestId = Ids.guid();
        Instant now = emulator.now();
        writeArmHeaders(exchange, requestId, now);
        ApiResponse response;
        try {
            if (early != null) {
                throw early;
            }
            String token = emulator.settings().adminToken();
            if (token != null && !("Bearer " + token).equals(exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION))) {
                throw new ApiError(401, "AuthenticationFailed",
                        "The admin API needs 'Authorization: Bearer <admin token>'.")
                        .header("WWW-Authenticate", "Bearer realm=\"backup-mock admin\"");
            }
            RequestTarget target = RequestTarget.parse(exchange.getRequestURI(), exchange.getQueryString());
            String method = exchange.getRequestMethod().toString();
            Set<String> allowed = new HashSet<>(4);
            Router.Match match = admin.match(method, target.segments(), allowed);
            if (match == null) {
                throw allowed.isEmpty()
                        ? ApiError.notFound("NotFound", "No admin resource at '" + target.rawPath()
                                + "'; see /backupmock/admin/openapi.json.")
                        : new ApiError(405, "MethodNotAllowed", "The admin resource does not support http method '"
                                + method + "'.").header("Allow", String.join(", ", allowed));
            }
            String baseUrl = exchange.getRequestScheme() + "://" + exchange.getHostAndPort();
            response = match.operation().handle(new ApiRequest(method, target, match.params(), body, baseUrl, now));
        } catch (ApiError e) {
            response = ApiResponse.error(e);
        } catch (RuntimeException e) {
            LOG.error("admin request {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            response = ApiResponse.error(new ApiError(500, "InternalServerError",
                    "The emulator could not handle the admin request (" + e.getClass().getSimpleName()
                            + "); x-ms-request-id " + requestId + "."));
        }
        send(exchange, prepare(exchange, response));
    }

    /** The response if its body conforms to its schema; otherwise a loud 500 that names every violation. */
    private static ApiResponse selfChecked(HttpServerExchange exchange, ApiResponse response, String requestId) {
        Schemas schema = response.schema();
        if (!response.hasBody() || schema == null) {
            return response;
        }
        JsonNode body = response.body();
        List<Violation> violations = schema.validate(body);
        if (violations.isEmpty()) {
            return response;
        }
        LOG.error("response to {} {} breaks {}: {}; body: {}", exchange.getRequestMethod(), exchange.getRequestURI(),
                schema.definition(), violations, body);
        ApiError error = new ApiError(500, "ResponseSchemaViolation", "The emulator's " + response.status()
                + " answer breaks the " + schema.definition() + " schema: " + violations.get(0)
                + "; x-ms-request-id " + requestId + ".");
        violations.forEach(v -> error.detail(new ApiError.Detail(v.keyword(), v.pointer(), v.toString())));
        return ApiResponse.error(error.violations(violations.stream().map(v -> "response: " + v).toList()));
    }

    private ApiResponse route(HttpServerExchange exchange, byte[] body, Instant now, String subscription,
                              Fault[] faultTaken) {
        RequestTarget target = RequestTarget.parse(exchange.getRequestURI(), exchange.getQueryString());
        String method = exchange.getRequestMethod().toString();
        String baseUrl = exchange.getRequestScheme() + "://" + exchange.getHostAndPort();
        Router.Match outside = outsideArm.match(method, target.segments(), new HashSet<>(2));
        if (outside != null) {
            return outside.operation().handle(new ApiRequest(method, target, outside.params(), body, baseUrl, now,
                            exchange.getRequestHeaders()::getFirst))
                    .schema(outside.responseSchema());
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
        // The resource type is only named in a refusal: worked out then, not on every request.
        ApiVersions.check(target.query("api-version"), () -> resourceType(target),
                emulator.settings().apiVersions());
        if (match == null) {
            throw unknownRoute(target, method);
        }
        Subscriptions.check(match.params().get("subscriptionId"));
        if (subscription != null) {
            RateLimiter.Verdict verdict = emulator.rateLimiter().take(subscription, method, now);
            exchange.getResponseHeaders().put(new HttpString(verdict.header()), verdict.remaining());
            if (!verdict.allowed()) {
                long seconds = Math.max(1, (verdict.retryAfter().toMillis() + 999) / 1000);
                throw new ApiError(429, "SubscriptionRequestsThrottled", "Number of " + verdict.kind().name()
                        .toLowerCase(Locale.ROOT) + " requests for subscription '" + subscription
                        + "' exceeded the limit. Please try again after '" + seconds + "' seconds.")
                        .header("Retry-After", Long.toString(seconds));
            }
        }
        Fault fault = emulator.faults().take(method, target.rawPath(), subscription);
        faultTaken[0] = fault;
        if (fault != null && fault.status() != null) {
            throw faultError(fault);
        }
        ApiResponse response = match.operation().handle(new ApiRequest(method, target, match.params(), body,
                baseUrl, now));
        return response.schema(match.responseSchema());
    }

    private static ApiError faultError(Fault fault) {
        ApiError error = new ApiError(fault.status(), fault.code(), fault.message());
        if (fault.retryAfter() != null) {
            error.header("Retry-After", Integer.toString(fault.retryAfter()));
        }
        return error;
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
        SecondStamps stamps = SecondStamps.of(now);
        out.put(ROUTING_ID, "LOCAL:" + stamps.routingTime + ":" + requestId);
        out.put(Headers.DATE, stamps.date);
        out.put(Headers.CACHE_CONTROL, "no-cache");
        out.put(Headers.PRAGMA, "no-cache");
        out.put(CONTENT_TYPE_OPTIONS, "nosniff");
    }

    private void record(HttpServerExchange exchange, byte[] body, Instant now, String subscription,
                        ApiResponse response, byte[] responseBody) {
        Journal journal = emulator.journal();
        if (journal.capacity() == 0) {
            return;
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HeaderValues h : exchange.getRequestHeaders()) {
            headers.put(h.getHeaderName().toString().toLowerCase(Locale.ROOT), List.copyOf(h));
        }
        Map<String, String> responseHeaders = new LinkedHashMap<>();
        for (HeaderValues h : exchange.getResponseHeaders()) {
            responseHeaders.put(h.getHeaderName().toString().toLowerCase(Locale.ROOT), h.getFirst());
        }
        String path = exchange.getRequestURI();
        journal.record(new RecordedRequest(journal.nextSequence(), now, exchange.getRequestMethod().toString(), path,
                exchange.getQueryString(), headers, body, subscription, response.status(), responseHeaders,
                responseBody, response.violations()));
    }

    /** The subscription id a raw path names ({@code /subscriptions/{id}/…}), or null. */
    static String subscriptionOf(String rawPath) {
        int at = 0;
        while (at < rawPath.length() && rawPath.charAt(at) == '/') {
            at++;
        }
        if (!rawPath.regionMatches(true, at, "subscriptions/", 0, "subscriptions/".length())) {
            return null;
        }
        int from = at + "subscriptions/".length();
        int to = rawPath.indexOf('/', from);
        String id = to < 0 ? rawPath.substring(from) : rawPath.substring(from, to);
        return id.isEmpty() ? null : id;
    }

    /** Sets status and headers and renders the body; sending is left to {@link #send}, after the journal has it. */
    private static byte[] prepare(HttpServerExchange exchange, ApiResponse response) {
        exchange.setStatusCode(response.status());
        HeaderMap out = exchange.getResponseHeaders();
        for (Map.Entry<String, String> h : response.headers().entrySet()) {
            out.put(new HttpString(h.getKey()), h.getValue());
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

    private static void send(HttpServerExchange exchange, byte[] body) {
        if (body.length == 0) {
            exchange.endExchange();
        } else {
            exchange.getResponseSender().send(ByteBuffer.wrap(body));
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
