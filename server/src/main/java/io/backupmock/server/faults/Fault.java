package io.backupmock.server.faults;

import java.util.Locale;
import java.util.Objects;

/**
 * An answer the emulator gives instead of the real one, to the next {@code times} requests that
 * match: Azure's throttling (429 with Retry-After), an internal error, a service outage.
 *
 * @param subscriptionId only requests naming this subscription (null: any)
 * @param method         only this HTTP method (null: any)
 * @param pathContains   only paths containing this, case-insensitively (null: any)
 * @param status         the status to answer
 * @param code           the CloudError code
 * @param message        the CloudError message
 * @param retryAfter     seconds for a Retry-After header (null: none)
 * @param times          how many matching requests it answers
 */
public record Fault(String subscriptionId, String method, String pathContains, int status, String code,
                    String message, Integer retryAfter, int times) {

    public Fault {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a fault answers an error status (4xx or 5xx), not " + status);
        }
        if (times < 1) {
            throw new IllegalArgumentException("a fault answers at least one request, not " + times);
        }
        pathContains = pathContains == null ? null : pathContains.toLowerCase(Locale.ROOT);
    }

    /** ARM's throttling answer: 429 SubscriptionRequestsThrottled with Retry-After. */
    public static Fault throttling(String subscriptionId, int retryAfterSeconds, int times) {
        return new Fault(subscriptionId, null, null, 429, "SubscriptionRequestsThrottled",
                "Number of requests for subscription '" + subscriptionId + "' exceeded the limit. Please try again "
                        + "after '" + retryAfterSeconds + "' seconds.", retryAfterSeconds, times);
    }

    /** The backup service's internal error: 500 CloudInternalError. */
    public static Fault internalError(String subscriptionId, int times) {
        return new Fault(subscriptionId, null, null, 500, "CloudInternalError",
                "Microsoft Azure Backup encountered an internal error. Wait for a few minutes and then try the "
                        + "operation again. If the issue persists, please contact Microsoft Support.", null, times);
    }

    /** The same fault, only for requests of this method and path. */
    public Fault on(String onlyMethod, String onlyPathContaining) {
        return new Fault(subscriptionId, onlyMethod, onlyPathContaining, status, code, message, retryAfter, times);
    }

    boolean matches(String requestMethod, String rawPathLowerCase, String requestSubscription) {
        return (subscriptionId == null || subscriptionId.equalsIgnoreCase(requestSubscription))
                && (method == null || method.equalsIgnoreCase(requestMethod))
                && (pathContains == null || rawPathLowerCase.contains(pathContains));
    }
}
