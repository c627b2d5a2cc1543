package io.backupmock.server.edge;

import io.backupmock.server.gateway.ApiError;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.io.IoCallback;
import io.undertow.io.Sender;
import io.undertow.server.Connectors;
import io.undertow.server.protocol.http.HttpContinue;
import io.undertow.server.handlers.RequestBufferingHandler;
import io.undertow.util.HeaderMap;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import io.undertow.util.SameThreadExecutor;
import org.xnio.IoUtils;

/**
 * The server's outermost handler: what HTTP framing and size limits require before a request
 * reaches the gateway, each refusal a CloudError.
 * <ul>
 *   <li>an absolute-form target ({@code GET https://host/subscriptions/…}) is rewritten to its path,
 *       so subscriptions and the admin API are told apart by path alone;</li>
 *   <li>over-long targets (414), too many or too large headers (431), too many query parameters
 *       (400);</li>
 *   <li>a {@code Transfer-Encoding} other than {@code chunked} (400, then the connection closes:
 *       the body's end cannot be known); an {@code Expect} other than {@code 100-continue} (417);
 *       {@code Expect: 100-continue} gets its interim 100 before the body is read;</li>
 *   <li>a wrong admin token is taken off the request, compared in constant time, before the
 *       gateway sees it;</li>
 *   <li>the body (up to the gateway's limit) is read before the gateway runs, and an
 *       {@link ErrorBoundary} turns any failure into a 500 CloudError.</li>
 * </ul>
 */
public final class EdgeHandler implements HttpHandler {
    private static final String ADMIN = "backupmock/admin";

    private final HttpHandler next;
    private final EdgeLimits limits;
    private EdgeHandler(HttpHandler next, EdgeLimits limits) {
        this.next = next;
        this.limits = limits;
    }

    /**
     * {@code gateway} behind the edge.
     *
     * @param maxBodyBytes the largest body the gateway takes; up to this much is read before it runs
     */
    public static HttpHandler wrap(HttpHandler gateway, int maxBodyBytes, EdgeLimits limits) {
        int buffers = maxBodyBytes / (16 * 1024) + 2;
        HttpHandler inner = new RequestBufferingHandler(new ErrorBoundary(gateway), buffers);
        return new EdgeHandler(inner, limits);
    }

    /** Undertow's own options that go with the edge: timeouts, hard limits, strict parsing, no pipelined buffering. */
    public static Undertow.Builder configure(Undertow.Builder builder, EdgeLimits limits) {
        return builder
                .setServerOption(UndertowOptions.REQUEST_PARSE_TIMEOUT, (int) limits.requestParseTimeout().toMillis())
                .setServerOption(UndertowOptions.NO_REQUEST_TIMEOUT, (int) limits.noRequestTimeout().toMillis())
                .setServerOption(UndertowOptions.IDLE_TIMEOUT, (int) limits.idleTimeout().toMillis())
                .setServerOption(UndertowOptions.MAX_HEADERS, EdgeLimits.HARD_MAX_HEADERS)
                .setServerOption(UndertowOptions.MAX_PARAMETERS, EdgeLimits.HARD_MAX_PARAMETERS)
                .setServerOption(UndertowOptions.MAX_HEADER_SIZE, EdgeLimits.HARD_MAX_HEADER_BYTES)
                .setServerOption(UndertowOptions.ALLOW_UNESCAPED_CHARACTERS_IN_URL, false)
                // Undertow holds answers back while pipelined requests remain; when the next one is
                // malformed it writes its own 400 and closes, and the held answer was lost.
                .setServerOption(UndertowOptions.BUFFER_PIPELINED_DATA, false);
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        exchange.addDefaultResponseListener(ErrorBoundary.CLOUD_ERROR_BODY);
        try {
            toPathForm(exchange);
            ApiError refusal = refusal(exchange);
            if (refusal != null) {
                EdgeAnswers.send(exchange, refusal, refusal.status() == 400 && isFraming(exchange));
                return;
            }
            if (HttpContinue.requiresContinueResponse(exchange)) {
                continueThenHandle(exchange);
                return;
            }
            next.handleRequest(exchange);
        } catch (Throwable failure) {
            ErrorBoundary.failed(exchange, failure);
        }
    }

    /**
     * Sends the interim {@code 100 Continue} (every request that passed the checks above has its
     * body read), then reads the body and goes on as for any other request, so the body is read
     * before the gateway runs here too.
     */
    private void continueThenHandle(HttpServerExchange exchange) {
        exchange.dispatch(SameThreadExecutor.INSTANCE, () -> HttpContinue.sendContinueResponse(exchange,
                new IoCallback() {
                    @Override
                    public void onComplete(HttpServerExchange ex, Sender sender) {
                        ex.getRequestHeaders().remove(Headers.EXPECT);
                        Connectors.executeRootHandler(next, ex);
                    }

                    @Override
                    public void onException(HttpServerExchange ex, Sender sender, java.io.IOException failure) {
                        IoUtils.safeClose(ex.getConnection());
                    }
                }));
    }

    /** {@code https://host:port/path} becomes {@code /path} (Undertow has checked the authority against Host). */
    static void toPathForm(HttpServerExchange exchange) {
        if (!exchange.isHostIncludedInRequestURI()) {
            return;
        }
        String uri = exchange.getRequestURI();
        int scheme = uri.indexOf("://");
        int path = scheme < 0 ? -1 : uri.indexOf('/', scheme + 3);
        exchange.setRequestURI(path < 0 ? "/" : uri.substring(path), false);
    }

    private ApiError refusal(HttpServerExchange exchange) {
        int target = exchange.getRequestURI().length()
                + (exchange.getQueryString().isEmpty() ? 0 : exchange.getQueryString().length() + 1);
        if (target > limits.maxTargetChars()) {
            return new ApiError(414, "RequestUriTooLong", "The request target is " + target
                    + " characters long; the limit is " + limits.maxTargetChars() + ".");
        }
        HeaderMap headers = exchange.getRequestHeaders();
        int lines = 0;
        long bytes = 0;
        for (HeaderValues values : headers) {
            int name = values.getHeaderName().length();
            for (String v : values) {
                lines++;
                bytes += name + v.length();
            }
        }
        if (lines > limits.maxHeaders()) {
            return new ApiError(431, "RequestHeaderFieldsTooLarge", "The request has " + lines
                    + " header lines; the limit is " + limits.maxHeaders() + ".");
        }
        if (bytes > limits.maxHeaderBytes()) {
            return new ApiError(431, "RequestHeaderFieldsTooLarge", "The request's headers hold " + bytes
                    + " characters; the limit is " + limits.maxHeaderBytes() + ".");
        }
        int parameters = parameters(exchange.getQueryString());
        if (parameters > limits.maxQueryParameters()) {
            return ApiError.badRequest("InvalidQueryParameterValue", "The query has " + parameters
                    + " parameters; the limit is " + limits.maxQueryParameters() + ".");
        }
        HeaderValues encoding = headers.get(Headers.TRANSFER_ENCODING);
        if (encoding != null && !onlyChunked(encoding)) {
            return ApiError.badRequest("InvalidTransferEncoding", "Transfer-Encoding '"
                    + String.join(", ", encoding) + "' is not supported; send the body with Content-Length or "
                    + "'Transfer-Encoding: chunked'.");
        }
        HeaderValues expect = headers.get(Headers.EXPECT);
        if (expect != null && (expect.size() != 1 || !expect.getFirst().trim().equalsIgnoreCase("100-continue"))) {
            return new ApiError(417, "ExpectationFailed", "Only 'Expect: 100-continue' is supported.");
        }
        return null;
    }

    /** A refusal after which the body's end cannot be known: the connection must close. */
    private static boolean isFraming(HttpServerExchange exchange) {
        return exchange.getRequestHeaders().contains(Headers.TRANSFER_ENCODING);
    }

    private static boolean onlyChunked(HeaderValues encoding) {
        if (encoding.size() != 1) {
            return false;
        }
        return encoding.getFirst().trim().equalsIgnoreCase("chunked");
    }

    private static int parameters(String query) {
        if (query.isEmpty()) {
            return 0;
        }
        int count = 0;
        int from = 0;
        while (from <= query.length()) {
            int amp = query.indexOf('&', from);
            int to = amp < 0 ? query.length() : amp;
            if (to > from) {
                count++;
            }
            if (amp < 0) {
                break;
            }
            from = amp + 1;
        }
        return count;
    }

    static boolean isAdmin(String path) {
        int at = 0;
        while (at < path.length() && path.charAt(at) == '/') {
            at++;
        }
        return path.regionMatches(true, at, ADMIN, 0, ADMIN.length())
                && (path.length() == at + ADMIN.length() || path.charAt(at + ADMIN.length()) == '/');
    }
}
