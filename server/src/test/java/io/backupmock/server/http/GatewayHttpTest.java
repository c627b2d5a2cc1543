package io.backupmock.server.http;

import io.backupmock.server.state.Settings;
import static io.backupmock.server.http.TestEmulator.itemPath;
import static io.backupmock.server.http.TestEmulator.newSubscription;
import static io.backupmock.server.http.TestEmulator.vaultPath;
import static org.assertj.core.api.Assertions.assertThat;

import io.backupmock.server.http.TestEmulator.Reply;
import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Azure Resource Manager's conventions: headers, auth, api-version, routing and CloudError bodies. */
class GatewayHttpTest {
    @RegisterExtension
    static final TestEmulator emulator = new TestEmulator();

    private HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(emulator.server.baseUri() + pathAndQuery));
    }

    @Test
    void everyAnswerCarriesRequestIdsDateAndNoCache() {
        Reply reply = emulator.send(request(vaultPath(newSubscription()) + "/backupJobs?api-version=2019-05-13")
                .header("Authorization", "Bearer t")
                .header("x-ms-client-request-id", "client-1")
                .header("x-ms-correlation-request-id", "corr-1").build());
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("x-ms-request-id")).matches("[0-9a-f-]{36}");
        assertThat(reply.header("x-ms-correlation-request-id")).isEqualTo("corr-1");
        assertThat(reply.header("x-ms-client-request-id")).isEqualTo("client-1");
        assertThat(reply.header("Cache-Control")).isEqualTo("no-cache");
        assertThat(reply.header("Pragma")).isEqualTo("no-cache");
        assertThat(reply.header("Date")).endsWith("GMT");
        assertThat(reply.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
    }

    @Test
    void correlationIdDefaultsToTheRequestId() {
        Reply reply = emulator.get(vaultPath(newSubscription()) + "/backupJobs");
        assertThat(reply.header("x-ms-correlation-request-id")).isEqualTo(reply.header("x-ms-request-id"));
        assertThat(reply.header("x-ms-client-request-id")).isNull();
    }

    @Test
    void missingAuthorizationIs401WithAChallenge() {
        Reply reply = emulator.send(request(vaultPath(newSubscription()) + "/backupJobs?api-version=2019-05-13")
                .build());
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.errorCode()).isEqualTo("AuthenticationFailed");
        assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer authorization_uri=");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Basic dXNlcjpwYXNz", "Bearer", "Bearer two words", "token"})
    void malformedAuthorizationIs401InvalidHeader(String authorization) {
        Reply reply = emulator.send(request(vaultPath(newSubscription()) + "/backupJobs?api-version=2019-05-13")
                .header("Authorization", authorization).build());
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.errorCode()).isEqualTo("AuthenticationFailedInvalidHeader");
    }

    @Test
    void authCanBeSwitchedOff() {
        try (TestEmulator open = new TestEmulator(Settings.builder().authRequired(false).build())) {
            Reply reply = open.send(HttpRequest.newBuilder(URI.create(open.server.baseUri()
                    + vaultPath(newSubscription()) + "/backupJobs?api-version=2019-05-13")).build());
            assertThat(reply.status()).isEqualTo(200);
        }
    }

    @Test
    void missingApiVersionIs400() {
        Reply reply = emulator.send(request(vaultPath(newSubscription()) + "/backupJobs")
                .header("Authorization", "Bearer t").build());
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo("MissingApiVersionParameter");
        assertThat(reply.json().at("/error/message").asText()).contains("api-version");
    }

    @Test
    void unknownApiVersionIs400NoRegisteredProviderFound() {
        Reply reply = emulator.get(vaultPath(newSubscription()) + "/backupJobs?api-version=2019-05-14");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo("NoRegisteredProviderFound");
        assertThat(reply.json().at("/error/message").asText()).contains("'2019-05-14'", "2026-02-01");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2016-06-01", "2016-12-01", "2017-07-01", "2022-09-01-preview", "2023-06-01",
        "2026-02-01", "2026-03-31-preview"})
    void everyPublishedApiVersionIsAccepted(String version) {
        assertThat(emulator.get(vaultPath(newSubscription()) + "/backupJobs?api-version=" + version).status())
                .isEqualTo(200);
    }

    @Test
    void unknownRouteIs404CloudError() {
        Reply underVault = emulator.get(vaultPath(newSubscription()) + "/backupWidgets");
        assertThat(underVault.status()).isEqualTo(404);
        assertThat(underVault.errorCode()).isEqualTo("InvalidResourceType");
        Reply elsewhere = emulator.get("/nothing/here");
        assertThat(elsewhere.status()).isEqualTo(404);
        assertThat(elsewhere.errorCode()).isEqualTo("NotFound");
    }

    @Test
    void wrongMethodIs405WithAllow() {
        Reply reply = emulator.send("DELETE", vaultPath(newSubscription()) + "/backupJobs", null);
        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.errorCode()).isEqualTo("MethodNotAllowed");
        assertThat(reply.header("Allow")).isEqualTo("GET");
    }

    @Test
    void malformedSubscriptionIdIs400() {
        Reply reply = emulator.get("/subscriptions/not-a-guid/resourceGroups/rg/providers/Microsoft.RecoveryServices"
                + "/vaults/v/backupJobs");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo("InvalidSubscriptionId");
    }

    @Test
    void pathsMatchCaseInsensitivelyWithEncodedOrRawSemicolonsAndDoubleSlashes() {
        String sub = newSubscription();
        String upper = "/Subscriptions/" + sub + "/resourcegroups/testVaultRG/providers/microsoft.recoveryservices"
                + "/vaults/testVault/backupFabrics/Azure/protectionContainers/"
                + "iaasvmcontainer%3Biaasvmcontainerv2%3BtestRG%3BtestVM/protectedItems/vm%3Biaasvmcontainerv2%3BtestRG%3BtestVM";
        assertThat(emulator.get(upper).status()).isEqualTo(200);
        assertThat(emulator.get("/" + itemPath(sub).replace("/vaults/", "//vaults/")).status()).isEqualTo(200);
        assertThat(emulator.get(upper).json().at("/properties/friendlyName").asText()).isEqualTo("testVM");
    }

    @Test
    void badJsonIs400InvalidRequestContent() {
        Reply reply = emulator.send("POST", itemPath(newSubscription()) + "/backup", "{not json");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo("InvalidRequestContent");
        Reply empty = emulator.send("POST", itemPath(newSubscription()) + "/backup", null);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.errorCode()).isEqualTo("InvalidRequestContent");
        Reply array = emulator.send("POST", itemPath(newSubscription()) + "/backup", "[1]");
        assertThat(array.errorCode()).isEqualTo("InvalidRequestContent");
    }

    @Test
    void bodyOverOneMebibyteIs413() {
        String big = "{\"properties\":{\"objectType\":\"IaasVMBackupRequest\",\"pad\":\"" + "x".repeat(1024 * 1024)
                + "\"}}";
        Reply reply = emulator.send("POST", itemPath(newSubscription()) + "/backup", big);
        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.errorCode()).isEqualTo("RequestEntityTooLarge");
        assertThat(emulator.get(vaultPath(newSubscription()) + "/backupJobs").status())
                .as("the server still answers").isEqualTo(200);
    }

    @Test
    void chunkedBodyOverOneMebibyteIs413() {
        byte[] big = ("{\"pad\":\"" + "x".repeat(1024 * 1024 + 10) + "\"}").getBytes();
        Reply reply = emulator.send(request(itemPath(newSubscription()) + "/backup?api-version=2019-05-13")
                .header("Authorization", "Bearer t")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big)))
                .build());
        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.errorCode()).isEqualTo("RequestEntityTooLarge");
    }
}
