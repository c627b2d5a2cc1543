package io.backupmock.server.gateway;

import java.util.regex.Pattern;

/**
 * Requires {@code Authorization: Bearer <token>} as ARM does. Any well-formed token is accepted:
 * test credentials send unsigned dummy JWTs.
 */
public final class BearerAuth {
    private static final Pattern BEARER = Pattern.compile("(?i)bearer [^\\s]+\\s*");
    private static final String AUTHORIZE_URI = "https://login.microsoftonline.com/common/oauth2/authorize";

    private BearerAuth() {
    }

    public static void check(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw challenge("AuthenticationFailed", "Authentication failed. The 'Authorization' header is missing.",
                    "The authentication failed because of missing 'Authorization' header.");
        }
        if (!BEARER.matcher(authorization).matches()) {
            throw challenge("AuthenticationFailedInvalidHeader",
                    "Authentication failed. The 'Authorization' header is provided in an invalid format.",
                    "The authentication failed because of invalid 'Authorization' header format.");
        }
    }

    private static ApiError challenge(String code, String message, String description) {
        return new ApiError(401, code, message).header("WWW-Authenticate",
                "Bearer authorization_uri=\"" + AUTHORIZE_URI + "\", error=\"invalid_token\", error_description=\""
                        + description + "\"");
    }
}
