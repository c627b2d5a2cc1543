package io.backupmock.server.gateway;

import java.util.regex.Pattern;

/** ARM refuses a subscription id that is not a GUID before any provider sees the request. */
final class Subscriptions {
    private static final Pattern GUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Subscriptions() {
    }

    static void check(String subscriptionId) {
        if (subscriptionId != null && !GUID.matcher(subscriptionId).matches()) {
            throw ApiError.badRequest("InvalidSubscriptionId",
                    "The provided subscription identifier '" + subscriptionId + "' is malformed or invalid.");
        }
    }
}
