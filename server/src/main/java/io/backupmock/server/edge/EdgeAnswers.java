package io.backupmock.server.edge;

import io.backupmock.server.gateway.ApiError;
import io.backupmock.server.gateway.ApiResponse;
import io.backupmock.server.gateway.Ids;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** CloudError answers written at the edge, with the headers every ARM answer carries. */
final class EdgeAnswers {
    private static final HttpString REQUEST_ID = new HttpString("x-ms-request-id");
    private static final HttpString CORRELATION_ID = new HttpString("x-ms-correlation-request-id");

    private EdgeAnswers() {
    }

    /** Answers {@code error} as a CloudError; with {@code close}, the connection closes after it. */
    static void send(HttpServerExchange exchange, ApiError error, boolean close) {
        ApiResponse response = ApiResponse.error(error);
        byte[] body = response.bodyBytes();
        exchange.setStatusCode(response.status());
        HeaderMap out = exchange.getResponseHeaders();
        if (!out.contains(REQUEST_ID)) {
            String id = Ids.guid();
            out.put(REQUEST_ID, id);
            out.put(CORRELATION_ID, id);
        }
        if (!out.contains(Headers.DATE)) {
            out.put(Headers.DATE, DateTimeFormatter.RFC_1123_DATE_TIME.format(
                    Instant.now().atOffset(ZoneOffset.UTC).withNano(0)));
        }
        out.put(Headers.CACHE_CONTROL, "no-cache");
        for (Map.Entry<String, String> h : response.headers().entrySet()) {
            out.put(new HttpString(h.getKey()), h.getValue());
        }
        out.put(Headers.CONTENT_TYPE, "application/json; charset=utf-8");
        out.put(Headers.CONTENT_LENGTH, body.length);
        if (close) {
            exchange.setPersistent(false);
        }
        exchange.getResponseSender().send(ByteBuffer.wrap(body));
    }

    /** The CloudError code of a status the edge answers without a more specific one. */
    static String codeOf(int status) {
        return switch (status) {
            case 400 -> "BadRequest";
            case 404 -> "NotFound";
            case 405 -> "MethodNotAllowed";
            case 408 -> "RequestTimeout";
            case 413 -> "RequestEntityTooLarge";
            case 414 -> "RequestUriTooLong";
            case 417 -> "ExpectationFailed";
            case 431 -> "RequestHeaderFieldsTooLarge";
            case 503 -> "ServiceUnavailable";
            default -> status >= 500 ? "InternalServerError" : "BadRequest";
        };
    }
}
