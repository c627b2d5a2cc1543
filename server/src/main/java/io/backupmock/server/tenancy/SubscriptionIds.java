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
            if (dash ? c != '-' : !isHexDigit(c)) {
                return false;
            }
        }
        return true;
    }

    /** An ASCII hex digit ({@link Character#digit} would also take other scripts' digits, e.g. {@code ０}). */
    private static boolean isHexDigit(char c) {
        char lower = (char) (c | 0x20);
        return (c >= '0' && c <= '9') || (lower >= 'a' && lower <= 'f');
    }
}
