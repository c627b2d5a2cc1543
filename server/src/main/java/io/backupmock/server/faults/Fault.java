package io.backupmock.server.faults;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.util.Locale;

/**
 * Something that goes wrong with requests, as it does with Azure: an error answer (429 throttling
 * with Retry-After, 500, 503…), added latency, or a dropped connection. Scoped by subscription,
 * vault, method and path; fires on every matching request, on a share of them ({@code rate}, drawn
 * from the emulator's seeded random source, so a run is reproducible), or on the nth; at most
 * {@code times} times.
 *
 * @param subscriptionId only requests naming this subscription (null: any)
 * @param vault          only requests under a vault of this name (null: any)
 * @param method         only this HTTP method (null: any)
 * @param pathContains   only paths containing this, case-insensitively, e.g. {@code /backupJobs} (null: any)
 * @param status         answer this error status (null: answer normally, after any latency)
 * @param code           the CloudError code (defaults by status)
 * @param message        the CloudError message (defaults by status)
 * @param retryAfter     seconds for a Retry-After header on the error (null: none, but 429 defaults to 10)
 * @param latency        wait this long before answering
 * @param dropConnection close the connection instead of answering
 * @param rate           fire on this share of matching requests, 0 < rate ≤ 1 (null: all)
 * @param nth            fire only on the nth matching request, 1-based (null: any)
 * @param times          fire at most this many times (null: no limit)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Fault(String subscriptionId, String vault, String method, String pathContains, Integer status,
                    String code, String message, Integer retryAfter, Duration latency, Boolean dropConnection,
                    Double rate, Integer nth, Integer times) {

    public Fault {
        dropConnection = Boolean.TRUE.equals(dropConnection) ? Boolean.TRUE : null;
        if (status == null && latency == null && dropConnection == null) {
            throw new IllegalArgumentException("a fault needs an effect: status, latency or dropConnection");
        }
        if (status != null && (status < 400 || status > 599)) {
            throw new IllegalArgumentException("status must be an error status (400-599), not " + status);
        }
        if (status != null) {
            code = code != null ? code : defaultCode(status);
            message = message != null ? message : defaultMessage(status, code, subscriptionId, retryAfter);
            retryAfter = retryAfter == null && status == 429 ? Integer.valueOf(10) : retryAfter;
        } else if (code != null || message != null || retryAfter != null) {
            throw new IllegalArgumentException("code, message and retryAfter go with a status");
        }
        if (retryAfter != null && retryAfter < 0) {
            throw new IllegalArgumentException("retryAfter must not be negative: " + retryAfter);
        }
        if (latency != null && (latency.isNegative() || latency.compareTo(Duration.ofMinutes(5)) > 0)) {
            throw new IllegalArgumentException("latency must be between PT0S and PT5M, not " + latency);
        }
        if (rate != null && (!(rate > 0) || rate > 1)) {
            throw new IllegalArgumentException("rate must be above 0 and at most 1, not " + rate);
        }
        if (nth != null && nth < 1) {
            throw new IllegalArgumentException("nth counts from 1, not " + nth);
        }
        if (nth != null && rate != null) {
            throw new IllegalArgumentException("give rate or nth, not both");
        }
        if (times != null && times < 1) {
            throw new IllegalArgumentException("times must be at least 1, not " + times);
        }
    }

    /** ARM's throttling: 429 SubscriptionRequestsThrottled with Retry-After, for the next {@code times} requests. */
    public static Fault throttling(String subscriptionId, int retryAfterSeconds, int times) {
        return new Fault(subscriptionId, null, null, null, 429, null, null, retryAfterSeconds, null, null, null, null,
                times);
    }

    /** The backup service's internal error, 500 CloudInternalError, for the next {@code times} requests. */
    public static Fault internalError(String subscriptionId, int times) {
        return new Fault(subscriptionId, null, null, null, 500, "CloudInternalError", null, null, null, null, null,
                null, times);
    }

    /** The same fault, only for requests of this method (null: any) whose path contains this (null: any). */
    public Fault on(String onlyMethod, String onlyPathContaining) {
        return new Fault(subscriptionId, vault, onlyMethod, onlyPathContaining, status, code, message, retryAfter,
                latency, dropConnection, rate, nth, times);
    }

    public boolean drops() {
        return Boolean.TRUE.equals(dropConnection);
    }

    boolean matches(String requestMethod, String rawPathLowerCase, String requestSubscription) {
        return (subscriptionId == null || subscriptionId.equalsIgnoreCase(requestSubscription))
                && (method == null || method.equalsIgnoreCase(requestMethod))
                && (pathContains == null || rawPathLowerCase.contains(pathContains.toLowerCase(Locale.ROOT)))
                && (vault == null || rawPathLowerCase.contains("/vaults/" + vault.toLowerCase(Locale.ROOT) + "/")
                    || rawPathLowerCase.endsWith("/vaults/" + vault.toLowerCase(Locale.ROOT)));
    }

    private static String defaultCode(int status) {
        return switch (status) {
            case 429 -> "SubscriptionRequestsThrottled";
            case 500 -> "InternalServerError";
            case 502 -> "BadGateway";
            case 503 -> "ServiceUnavailable";
            case 504 -> "GatewayTimeout";
            case 404 -> "NotFound";
            case 409 -> "Conflict";
            default -> "BadRequest";
        };
    }

    private static String defaultMessage(int status, String code, String subscriptionId, Integer retryAfter) {
        return switch (status) {
            case 429 -> "Number of requests for subscription '" + (subscriptionId == null ? "*" : subscriptionId)
                    + "' exceeded the limit. Please try again after '" + (retryAfter == null ? 10 : retryAfter)
                    + "' seconds.";
            case 503 -> "The service is temporarily unavailable. Please retry the request later.";
            default -> "The request failed with " + status + " " + code + " (injected fault).";
        };
    }
}
