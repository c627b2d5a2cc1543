package io.backupmock.server.state;

import io.backupmock.server.throttling.RateLimits;
import io.backupmock.server.journal.Journal;
import java.util.Objects;

/**
 * What shapes the emulator's answers, fixed for a server's life. Build with {@link #builder()} or
 * adjust a copy with {@link #toBuilder()}.
 *
 * @param retryAfterSeconds the Retry-After of every 202
 * @param pageSize          the most items a list page holds
 * @param authRequired      whether requests need {@code Authorization: Bearer …}
 * @param validateResponses whether every response body is checked against its schema before it
 *                          leaves; a violation answers 500 and is logged (the emulator's self-check)
 * @param journalCapacity   how many of the latest requests the journal keeps
 * @param strict            only declared vaults and items exist (as on Azure); otherwise any
 *                          vault and item springs into being when first named
 * @param apiVersions       which api-versions are accepted
 * @param rateLimits        ARM's per-subscription request budget, counted down in
 *                          {@code x-ms-ratelimit-remaining-subscription-*} headers
 * @param adminToken        bearer token the admin API requires (null: none)
 * @param faultSeed         seed of the random choices of faults with a rate (null: a random seed)
 */
public record Settings(int retryAfterSeconds, int pageSize, boolean authRequired, boolean validateResponses,
                       int journalCapacity, boolean strict, ApiVersionPolicy apiVersions, RateLimits rateLimits,
                       String adminToken, Long faultSeed) {

    /** Azure's Retry-After on a 202, in seconds: the default, for every front door. */
    public static final int DEFAULT_RETRY_AFTER_SECONDS = 1;
    /** The most entries a list page holds, as on Azure: the default, for every front door. */
    public static final int DEFAULT_PAGE_SIZE = 200;

    public static final Settings DEFAULTS = builder().build();

    public Settings {
        if (retryAfterSeconds < 0) {
            throw new IllegalArgumentException("retryAfterSeconds must not be negative: " + retryAfterSeconds);
        }
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be at least 1: " + pageSize);
        }
        if (journalCapacity < 0) {
            throw new IllegalArgumentException("journalCapacity must not be negative: " + journalCapacity);
        }
        Objects.requireNonNull(apiVersions, "apiVersions");
        Objects.requireNonNull(rateLimits, "rateLimits");
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.retryAfterSeconds = retryAfterSeconds;
        b.pageSize = pageSize;
        b.authRequired = authRequired;
        b.validateResponses = validateResponses;
        b.journalCapacity = journalCapacity;
        b.strict = strict;
        b.apiVersions = apiVersions;
        b.rateLimits = rateLimits;
        b.adminToken = adminToken;
        b.faultSeed = faultSeed;
        return b;
    }


    public static final class Builder {
        private int retryAfterSeconds = DEFAULT_RETRY_AFTER_SECONDS;
        private int pageSize = DEFAULT_PAGE_SIZE;
        private boolean authRequired = true;
        private boolean validateResponses;
        private int journalCapacity = Journal.DEFAULT_CAPACITY;
        private boolean strict;
        private ApiVersionPolicy apiVersions = ApiVersionPolicy.NEWER;
        private RateLimits rateLimits = RateLimits.AZURE;
        private String adminToken;
        private Long faultSeed;

        public Builder retryAfterSeconds(int value) {
            retryAfterSeconds = value;
            return this;
        }

        public Builder pageSize(int value) {
            pageSize = value;
            return this;
        }

        public Builder authRequired(boolean value) {
            authRequired = value;
            return this;
        }

        public Builder validateResponses(boolean value) {
            validateResponses = value;
            return this;
        }

        public Builder journalCapacity(int value) {
            journalCapacity = value;
            return this;
        }

        public Builder strict(boolean value) {
            strict = value;
            return this;
        }

        public Builder apiVersions(ApiVersionPolicy value) {
            apiVersions = value;
            return this;
        }

        public Builder rateLimits(RateLimits value) {
            rateLimits = value;
            return this;
        }

        public Builder adminToken(String value) {
            adminToken = value;
            return this;
        }

        public Builder faultSeed(Long value) {
            faultSeed = value;
            return this;
        }

        public Settings build() {
            return new Settings(retryAfterSeconds, pageSize, authRequired, validateResponses, journalCapacity, strict,
                    apiVersions, rateLimits, adminToken, faultSeed);
        }
    }
}
