package io.backupmock.server.jobs;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Where the next page of a job list starts: just after the last job returned, in list order
 * (newest first). Opaque on the wire; stable while jobs are added, unlike an offset.
 */
public record PageToken(Instant start, long sequence) {

    public String encode() {
        String raw = start.getEpochSecond() + "." + start.getNano() + "." + sequence;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
    }

    /** Decodes a token from a nextLink; throws IllegalArgumentException if it was not made by {@link #encode}. */
    public static PageToken decode(String token) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII);
            String[] parts = raw.split("\\.");
            if (parts.length != 3) {
                throw new IllegalArgumentException("malformed");
            }
            return new PageToken(Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])),
                    Long.parseLong(parts[2]));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("The skip token '" + token + "' is not valid.", e);
        }
    }
}
