package io.backupmock.server.throttling;

/**
 * Requests a subscription may make per hour, as ARM counts them; at zero ARM answers 429.
 *
 * @param reads   GET and HEAD
 * @param writes  PUT, POST and PATCH
 * @param deletes DELETE
 */
public record RateLimits(int reads, int writes, int deletes) {
    public static final RateLimits AZURE = new RateLimits(12_000, 1_200, 15_000);

    public RateLimits {
        if (reads < 1 || writes < 1 || deletes < 1) {
            throw new IllegalArgumentException("rate limits must be at least 1 an hour");
        }
    }
}
