package io.backupmock.server.identity;

import io.backupmock.server.wire.Json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Subscriptions and tenants as Azure Resource Manager renders them (Microsoft.Resources
 * {@code Subscription}, {@code TenantIdDescription}); every subscription is an enabled
 * pay-as-you-go one of {@link EmulatedIdentity#TENANT_ID}, the identity's rights role-based.
 */
public final class DirectoryRenderer {
    /** Api-versions from this one on count the entries of a list ({@code "count":{"type":"Total",…}}). */
    private static final String COUNTED_SINCE = "2020-01-01";

    private DirectoryRenderer() {
    }

    public static ObjectNode subscription(String subscriptionId) {
        ObjectNode s = Json.object();
        s.put("id", "/subscriptions/" + subscriptionId);
        s.put("authorizationSource", "RoleBased");
        s.putArray("managedByTenants");
        s.put("subscriptionId", subscriptionId);
        s.put("tenantId", EmulatedIdentity.TENANT_ID);
        s.put("displayName", SubscriptionDirectory.displayName(subscriptionId));
        s.put("state", "Enabled");
        ObjectNode policies = s.putObject("subscriptionPolicies");
        policies.put("locationPlacementId", "Public_2014-09-01");
        policies.put("quotaId", "PayAsYouGo_2014-09-01");
        policies.put("spendingLimit", "Off");
        return s;
    }

    public static ObjectNode subscriptions(List<String> subscriptionIds, String apiVersion) {
        ObjectNode body = Json.object();
        ArrayNode value = body.putArray("value");
        subscriptionIds.forEach(id -> value.add(subscription(id)));
        return counted(body, value.size(), apiVersion);
    }

    public static ObjectNode tenants(String apiVersion) {
        ObjectNode body = Json.object();
        ObjectNode t = body.putArray("value").addObject();
        t.put("id", "/tenants/" + EmulatedIdentity.TENANT_ID);
        t.put("tenantId", EmulatedIdentity.TENANT_ID);
        t.put("countryCode", "US");
        t.put("displayName", "backup-mock");
        t.putArray("domains").add(EmulatedIdentity.TENANT_DOMAIN);
        t.put("tenantCategory", "Home");
        t.put("defaultDomain", EmulatedIdentity.TENANT_DOMAIN);
        t.put("tenantType", "AAD");
        return counted(body, 1, apiVersion);
    }

    private static ObjectNode counted(ObjectNode body, int count, String apiVersion) {
        if (apiVersion.compareTo(COUNTED_SINCE) >= 0) {
            ObjectNode c = body.putObject("count");
            c.put("type", "Total");
            c.put("value", count);
        }
        return body;
    }
}
