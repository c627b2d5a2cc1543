package io.backupmock.server.gateway;

/**
 * Requires {@code Authorization: Bearer <token>} as ARM does. Any well-formed token is accepted:
 * test credentials send unsigned dummy JWTs.
 */
public final class BearerAuth {
    static final String BEARER_PATTERN = "(?i)bearer [^\\s]+\\s*";
    private static final String AUTHORIZE_URI = "https://login.microsoftonline.com/common/oauth2/authorize";

    private BearerAuth() {
    }

    public static void check(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw challenge("AuthenticationFailed", "Authentication failed. The 'Authorization' header is missing.",
                    "The authentication failed because of missing 'Authorization' header.");
        }
        if (!isBearer(authorization)) {
            throw challenge("AuthenticationFailedInvalidHeader",
                    "Authentication failed. The 'Authorization' header is provided in an invalid format.",
                    "The authentication failed because of invalid 'Authorization' header format.");
        }
    }

    /**
     * Whether the value is {@code Bearer <token>}: what {@value #BEARER_PATTERN} matches (the scheme
     * in any case, one space, a token with no white space, white space after it at most), checked by
     * hand, as it is on every request.
     */
    static boolean isBearer(String value) {
        String scheme = "bearer ";
        if (value.length() <= scheme.length()) {
            return false;
        }
        for (int i = 0; i < scheme.length(); i++) {
            char c = value.charAt(i);
            char lower = scheme.charAt(i);
            if (c != lower && c != Character.toUpperCase(lower)) {
                return false;
            }
        }
        int i = scheme.length();
        int tokenStart = i;
        while (i < value.length() && !isSpace(value.charAt(i))) {
            i++;
        }
        if (i == tokenStart) {
            return false;
        }
        while (i < value.length() && isSpace(value.charAt(i))) {
            i++;
        }
        return i == value.length();
    }

    /** What {@code \s} matches in a Java pattern: space, tab, new line, vertical tab, form feed, carriage return. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    private static ApiError challenge(String code, String message, String description) {
        return new ApiError(401, code, message).header("WWW-Authenticate",
                "Bearer authorization_uri=\"" + AUTHORIZE_URI + "\", error=\"invalid_token\", error_description=\""
                        + description + "\"");
    }
}
