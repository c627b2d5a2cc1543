package io.backupmock.server.edge;

import java.time.Duration;

/**
 * What the server's edge accepts before a request reaches the gateway, and how long it waits for
 * a client. Each limit below Undertow's own is answered with a CloudError; Undertow's hard limits
 * ({@link #HARD_MAX_HEADERS}, {@link #HARD_MAX_PARAMETERS}, {@link #HARD_MAX_HEADER_BYTES}) sit
 * above them and are answered by Undertow alone (see docs/limits.md).
 *
 * @param maxTargetChars     longest request target (path and query), else 414
 * @param maxHeaders         most header lines, else 431
 * @param maxHeaderBytes     most bytes of header names and values together, else 431
 * @param maxQueryParameters most {@code name=value} pairs in the query, else 400
 * @param requestParseTimeout a request's line and headers must arrive within this, else the connection is closed
 * @param noRequestTimeout   a kept-alive connection with no request for this long is closed
 * @param idleTimeout        a connection on which nothing moves for this long is closed (above the
 *                           longest fault latency, five minutes, so a faulted answer is never cut)
 */
public record EdgeLimits(int maxTargetChars, int maxHeaders, int maxHeaderBytes, int maxQueryParameters,
                         Duration requestParseTimeout, Duration noRequestTimeout, Duration idleTimeout) {

    public static final int HARD_MAX_HEADERS = 1000;
    public static final int HARD_MAX_PARAMETERS = 10_000;
    public static final int HARD_MAX_HEADER_BYTES = 1024 * 1024;

    public static final EdgeLimits DEFAULTS = new EdgeLimits(16 * 1024, 200, 64 * 1024, 1000,
            Duration.ofSeconds(30), Duration.ofMinutes(4), Duration.ofMinutes(6));

    public EdgeLimits {
        positive("maxTargetChars", maxTargetChars, HARD_MAX_HEADER_BYTES);
        positive("maxHeaders", maxHeaders, HARD_MAX_HEADERS);
        positive("maxHeaderBytes", maxHeaderBytes, HARD_MAX_HEADER_BYTES);
        positive("maxQueryParameters", maxQueryParameters, HARD_MAX_PARAMETERS);
        timeout("requestParseTimeout", requestParseTimeout);
        timeout("noRequestTimeout", noRequestTimeout);
        timeout("idleTimeout", idleTimeout);
    }

    /** These limits with other connection timeouts, e.g. short ones in a test. */
    public EdgeLimits withTimeouts(Duration requestParse, Duration noRequest, Duration idle) {
        return new EdgeLimits(maxTargetChars, maxHeaders, maxHeaderBytes, maxQueryParameters, requestParse,
                noRequest, idle);
    }

    private static void positive(String name, int value, int hardLimit) {
        if (value < 1 || value > hardLimit) {
            throw new IllegalArgumentException(name + " must be between 1 and " + hardLimit + ", not " + value);
        }
    }

    private static void timeout(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero() || value.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + " must be a positive duration under 24 days, not " + value);
        }
    }
}
