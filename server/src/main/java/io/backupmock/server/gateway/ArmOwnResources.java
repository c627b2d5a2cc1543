package io.backupmock.server.gateway;

import io.backupmock.server.state.ApiVersionPolicy;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Resources Azure Resource Manager serves itself, with no resource provider behind them
 * ({@code /subscriptions}, {@code /subscriptions/{id}}, {@code /tenants}): the same bearer token as
 * every ARM request, but ARM's own api-versions, and ARM's own refusal of any other
 * (400 {@code InvalidApiVersionParameter}, listing them newest first).
 */
public final class ArmOwnResources {
    /** The api-versions of ARM's own resource types, newest first. */
    public static final List<String> API_VERSIONS = List.of(
            "2022-12-01", "2022-09-01", "2022-06-01", "2022-05-01", "2022-03-01-preview", "2022-01-01", "2021-04-01",
            "2021-01-01", "2020-10-01", "2020-09-01", "2020-08-01", "2020-07-01", "2020-06-01", "2020-05-01",
            "2020-01-01", "2019-11-01", "2019-10-01", "2019-09-01", "2019-08-01", "2019-07-01", "2019-06-01",
            "2019-05-10", "2019-05-01", "2019-03-01", "2018-11-01", "2018-09-01", "2018-08-01", "2018-07-01",
            "2018-06-01", "2018-05-01", "2018-02-01", "2018-01-01", "2017-12-01", "2017-08-01", "2017-06-01",
            "2017-05-10", "2017-05-01", "2017-03-01", "2016-09-01", "2016-07-01", "2016-06-01", "2016-02-01",
            "2015-11-01", "2015-01-01", "2014-04-01-preview", "2014-04-01", "2014-01-01");
    private static final Set<String> ACCEPTED = Set.copyOf(API_VERSIONS);

    private ArmOwnResources() {
    }

    /**
     * What ARM checks before it answers one of its own resources, in its order: the bearer token
     * (unless switched off), the api-version (any at all under {@link ApiVersionPolicy#ANY}), and the
     * subscription id the path names, if any.
     */
    public static void check(ApiRequest req, boolean authRequired, ApiVersionPolicy policy, String subscriptionId) {
        if (authRequired) {
            BearerAuth.check(req.header("Authorization"));
        }
        String version = req.apiVersion();
        if (version == null || version.isEmpty()) {
            throw ApiError.badRequest("MissingApiVersionParameter",
                    "The api-version query parameter (?api-version=) is required for all requests.");
        }
        if (policy.mode() != ApiVersionPolicy.Mode.ANY && !ACCEPTED.contains(version.toLowerCase(Locale.ROOT))) {
            throw ApiError.badRequest("InvalidApiVersionParameter", "The api-version '" + version
                    + "' is invalid. The supported versions are '" + String.join(",", API_VERSIONS) + "'.");
        }
        Subscriptions.check(subscriptionId);
    }
}
