package io.backupmock.server.http;

import static io.backupmock.server.http.TestEmulator.newSubscription;
import static io.backupmock.server.http.TestEmulator.vaultPath;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.backupmock.server.state.Settings;
import io.backupmock.server.http.TestEmulator.Reply;
import io.backupmock.server.identity.EmulatedIdentity;
import io.backupmock.server.identity.SubscriptionDirectory;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** ARM's own resources that clients read before any Backup call: subscriptions and tenants. */
class SubscriptionsHttpTest {
    @RegisterExtension
    static final TestEmulator emulator = new TestEmulator();

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.get("value").forEach(s -> ids.add(s.get("subscriptionId").asText()));
        return ids;
    }

    @Test
    void theListHoldsTheDefaultAndEverySubscriptionInUseAsArmRendersThem() {
        String sub = newSubscription();
        emulator.get(vaultPath(sub) + "/backupJobs");
        Reply reply = emulator.get("/subscriptions?api-version=2019-11-01");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(ids(reply.json())).startsWith(SubscriptionDirectory.DEFAULT_SUBSCRIPTION).contains(sub);
        JsonNode first = reply.json().get("value").get(0);
        assertThat(first.get("id").asText()).isEqualTo("/subscriptions/" + SubscriptionDirectory.DEFAULT_SUBSCRIPTION);
        assertThat(first.get("displayName").asText()).isEqualTo("backup-mock 00000000");
        assertThat(first.get("state").asText()).isEqualTo("Enabled");
        assertThat(first.get("tenantId").asText()).isEqualTo(EmulatedIdentity.TENANT_ID);
        assertThat(first.get("authorizationSource").asText()).isEqualTo("RoleBased");
        assertThat(first.get("managedByTenants").isArray()).isTrue();
        assertThat(first.at("/subscriptionPolicies/quotaId").asText()).isEqualTo("PayAsYouGo_2014-09-01");
        assertThat(first.at("/subscriptionPolicies/spendingLimit").asText()).isEqualTo("Off");
        assertThat(first.at("/subscriptionPolicies/locationPlacementId").asText()).isEqualTo("Public_2014-09-01");
        assertThat(reply.json().has("count")).as("2019-11-01 lists have no count").isFalse();
        JsonNode counted = emulator.get("/subscriptions?api-version=2022-12-01").json();
        assertThat(counted.at("/count/type").asText()).isEqualTo("Total");
        assertThat(counted.at("/count/value").asInt()).isEqualTo(counted.get("value").size());
    }

    @Test
    void oneSubscriptionByIdInAnyCase() {
        String sub = newSubscription();
        Reply reply = emulator.get("/subscriptions/" + sub.toUpperCase() + "?api-version=2020-01-01");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().get("subscriptionId").asText()).isEqualToIgnoringCase(sub);
        assertThat(reply.json().get("tenantId").asText()).isEqualTo(EmulatedIdentity.TENANT_ID);
    }

    @Test
    void badInputGetsArmsOwnErrors() {
        Reply malformed = emulator.get("/subscriptions/not-a-guid?api-version=2020-01-01");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.errorCode()).isEqualTo("InvalidSubscriptionId");
        assertThat(malformed.json().at("/error/message").asText())
                .isEqualTo("The provided subscription identifier 'not-a-guid' is malformed or invalid.");

        Reply badVersion = emulator.get("/subscriptions?api-version=2019-05-13");
        assertThat(badVersion.status()).as("a Backup api-version is not one of ARM's own").isEqualTo(400);
        assertThat(badVersion.errorCode()).isEqualTo("InvalidApiVersionParameter");
        assertThat(badVersion.json().at("/error/message").asText())
                .startsWith("The api-version '2019-05-13' is invalid. The supported versions are '2022-12-01,");

        Reply noVersion = emulator.send(HttpRequest.newBuilder(URI.create(emulator.server.baseUri() + "/tenants"))
                .header("Authorization", "Bearer t").build());
        assertThat(noVersion.status()).isEqualTo(400);
        assertThat(noVersion.errorCode()).isEqualTo("MissingApiVersionParameter");

        Reply noToken = emulator.send(HttpRequest.newBuilder(
                URI.create(emulator.server.baseUri() + "/subscriptions?api-version=2020-01-01")).build());
        assertThat(noToken.status()).isEqualTo(401);
        assertThat(noToken.errorCode()).isEqualTo("AuthenticationFailed");
        assertThat(noToken.header("WWW-Authenticate")).startsWith("Bearer authorization_uri=");
    }

    @Test
    void tenantsListTheEmulatedIdentitysTenant() {
        Reply reply = emulator.get("/tenants?api-version=2022-12-01");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonNode tenant = reply.json().get("value").get(0);
        assertThat(tenant.get("id").asText()).isEqualTo("/tenants/" + EmulatedIdentity.TENANT_ID);
        assertThat(tenant.get("tenantId").asText()).isEqualTo(EmulatedIdentity.TENANT_ID);
        assertThat(tenant.get("tenantCategory").asText()).isEqualTo("Home");
        assertThat(reply.json().at("/count/value").asInt()).isEqualTo(1);
    }

    @Test
    void inStrictModeOnlyListedSubscriptionsExist() {
        try (TestEmulator strict = new TestEmulator(Settings.builder().strict(true).build())) {
            String unknown = newSubscription();
            Reply missing = strict.get("/subscriptions/" + unknown + "?api-version=2020-01-01");
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.errorCode()).isEqualTo("SubscriptionNotFound");
            assertThat(missing.json().at("/error/message").asText())
                    .isEqualTo("The subscription '" + unknown + "' could not be found.");
            assertThat(strict.get("/subscriptions/" + SubscriptionDirectory.DEFAULT_SUBSCRIPTION
                    + "?api-version=2020-01-01").status()).isEqualTo(200);
        }
    }
}
