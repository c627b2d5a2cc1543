package io.backupmock.server.gateway;

import io.backupmock.server.tenancy.SubscriptionIds;

/** ARM refuses a subscription id that is not a GUID before any provider sees the request. */
final class Subscriptions {
    private Subscriptions() {
    }

    static void check(String subscriptionId) {
        if (subscriptionId != null && !SubscriptionIds.isGuid(subscriptionId)) {
            throw ApiError.badRequest("InvalidSubscriptionId",
                    "The provided subscription identifier '" + subscriptionId + "' is malformed or invalid.");
        }
    }
}
