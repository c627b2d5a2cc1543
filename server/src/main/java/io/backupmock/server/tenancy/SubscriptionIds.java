package io.backupmock.server.tenancy;

/** Subscriptions are tenants, and a subscription id is a GUID: the one rule every door applies. */
public final class SubscriptionIds {
    private SubscriptionIds() {
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
}
