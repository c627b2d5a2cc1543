package io.backupmock.server.gateway;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Checks an admin {@code Authorization} header in constant time: a guess learns nothing from how long it takes. */
public final class AdminTokens {
    private AdminTokens() {
    }

    /** Whether {@code authorization} is exactly {@code Bearer <token>}; the time taken depends on the token's length only. */
    public static boolean matches(String token, String authorization) {
        if (token == null) {
            return true;
        }
        byte[] expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
        byte[] given = authorization == null ? new byte[0] : authorization.getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, given);
    }
}
