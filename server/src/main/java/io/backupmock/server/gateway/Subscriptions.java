package io.backupmock.server.gateway;

/** ARM refuses a subscription id that is not a GUID before any provider sees the request. */
public final class Subscriptions {
    private Subscriptions() {
    }

    /** Whether {@code value} is a GUID, as subscription ids are. */
    public static boolean isGuid(String value) {
        if (value == null || value.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = value.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : Character.digit(c, 16) < 0) {
                return false;
            }
        }
        return true;
    }

    static void check(String subscriptionId) {
        if (subscriptionId != null && !isGuid(subscriptionId)) {
            throw ApiError.badRequest("InvalidSubscriptionId",
                    "The provided subscription identifier '" + subscriptionId + "' is malformed or invalid.");
        }
    }
}
