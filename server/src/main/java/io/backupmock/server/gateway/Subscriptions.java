package io.backupmock.server.gateway;

import java.util.regex.Pattern;

/** ARM refuses a subscription id that is not a GUID before any provider sees the request. */
public final class Subscriptions {
    private static final Pattern GUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Subscriptions() {
    }

    /** Whether {@code value} is a GUID, as subscription ids are. */
    public static boolean isGuid(String value) {
        return value != null && GUID.matcher(value).matches();
    }

    static void check(String subscriptionId) {
        if (subscriptionId != null && !GUID.matcher(subscriptionId).matches()) {
            throw ApiError.badRequest("InvalidSubscriptionId",
                    "The provided subscription identifier '" + subscriptionId + "' is malformed or invalid.");
        }
    }
}
