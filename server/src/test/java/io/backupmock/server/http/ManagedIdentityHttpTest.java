package io.backupmock.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.backupmock.server.http.TestEmulator.Reply;
import io.backupmock.server.identity.EmulatedIdentity;
import io.backupmock.server.wire.Json;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The managed-identity token endpoint: IMDS's GET form, the POST form the Azure CLI sends, and IMDS's refusals. */
class ManagedIdentityHttpTest {
    static final String PATH = "/metadata/identity/oauth2/token";
    static final String ARM = "https://management.core.windows.net/";
    @RegisterExtension
    static final TestEmulator emulator = new TestEmulator();

    private Reply get(String query, boolean metadata) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(emulator.server.baseUri() + PATH + query));
        if (metadata) {
            b.header("Metadata", "true");
        }
        return emulator.send(b.GET().build());
    }

    private Reply post(String form, String metadata) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(emulator.server.baseUri() + PATH))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (metadata != null) {
            b.header("Metadata", metadata);
        }
        return emulator.send(b.build());
    }

    private static JsonNode claims(String jwt) throws Exception {
        String[] parts = jwt.split("\\.", -1);
        assertThat(parts).hasSize(3);
        assertThat(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8))
                .isEqualTo("{\"typ\":\"JWT\",\"alg\":\"none\"}");
        assertThat(parts[2]).as("unsigned").isEmpty();
        return Json.mapper().readTree(Base64.getUrlDecoder().decode(parts[1]));
    }

    @Test
    void theCliPostFormAnswersAnUnsignedJwtForTheResource() throws Exception {
        long before = Instant.now().getEpochSecond();
        Reply reply = post("resource=https%3A%2F%2Fmanagement.core.windows.net%2F", "true");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonNode body = reply.json();
        assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.get("resource").asText()).isEqualTo(ARM);
        assertThat(body.get("client_id").asText()).isEqualTo(EmulatedIdentity.CLIENT_ID);
        long expiresOn = Long.parseLong(body.get("expires_on").asText());
        assertThat(expiresOn).as("real time, not the emulator's virtual clock of 2026-11-25")
                .isBetween(before + 86_000, Instant.now().getEpochSecond() + 86_400);
        JsonNode claims = claims(body.get("access_token").asText());
        assertThat(claims.get("tid").asText()).isEqualTo(EmulatedIdentity.TENANT_ID);
        assertThat(claims.get("oid").asText()).isEqualTo(EmulatedIdentity.OBJECT_ID);
        assertThat(claims.get("appid").asText()).isEqualTo(EmulatedIdentity.CLIENT_ID);
        assertThat(claims.get("aud").asText()).isEqualTo(ARM);
        assertThat(claims.get("exp").asLong()).isEqualTo(expiresOn);
        assertThat(claims.get("iss").asText()).isEqualTo("https://sts.windows.net/" + EmulatedIdentity.TENANT_ID + "/");
    }

    @Test
    void theImdsGetFormAnswersForArmAndForTheEmulatorItself() throws Exception {
        Reply arm = get("?api-version=2018-02-01&resource=https://management.azure.com/", true);
        assertThat(arm.status()).as(arm.toString()).isEqualTo(200);
        assertThat(claims(arm.json().get("access_token").asText()).get("aud").asText())
                .isEqualTo("https://management.azure.com/");
        Reply own = get("?api-version=2018-02-01&resource=" + emulator.server.baseUri(), true);
        assertThat(own.status()).as(own.toString()).isEqualTo(200);
        assertThat(emulator.get("/subscriptions?api-version=2020-01-01").status())
                .as("its tokens are accepted by ARM's routes").isEqualTo(200);
    }

    @Test
    void withoutMetadataTrueItFailsAsImdsDoes() {
        for (Reply reply : new Reply[] {
                get("?api-version=2018-02-01&resource=" + ARM, false),
                post("resource=" + ARM, null),
                post("resource=" + ARM, "True")}) {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
            assertThat(reply.json().get("error").asText()).isEqualTo("invalid_request");
            assertThat(reply.json().get("error_description").asText()).isEqualTo("Required metadata header not specified");
            assertThat(reply.header("Content-Type")).startsWith("application/json");
        }
    }

    @Test
    void missingParametersAndUnknownIdentitiesAreImdsInvalidRequests() {
        Reply noResource = post("", "true");
        assertThat(noResource.status()).isEqualTo(400);
        assertThat(noResource.json().get("error_description").asText())
                .isEqualTo("Required query variable 'resource' is missing");
        Reply noVersion = get("?resource=" + ARM, true);
        assertThat(noVersion.status()).isEqualTo(400);
        assertThat(noVersion.json().get("error_description").asText())
                .isEqualTo("Required query variable 'api-version' is missing");
        Reply otherIdentity = post("resource=" + ARM + "&client_id=44444444-4444-4444-4444-444444444444", "true");
        assertThat(otherIdentity.status()).isEqualTo(400);
        assertThat(otherIdentity.json().get("error_description").asText()).isEqualTo("Identity not found");
        Reply malformed = post("resource=%zz", "true");
        assertThat(malformed.status()).as(malformed.toString()).isEqualTo(400);
        assertThat(malformed.json().get("error").asText()).isEqualTo("invalid_request");
        assertThat(post("resource=" + ARM + "&client_id=" + EmulatedIdentity.CLIENT_ID, "true").status())
                .as("the emulated identity by its own client id").isEqualTo(200);
    }

    @Test
    void anUnknownResourceIsAzureAdsInvalidResource() {
        Reply reply = get("?api-version=2018-02-01&resource=https://vault.azure.net", true);
        assertThat(reply.status()).isEqualTo(400);
        JsonNode body = reply.json();
        assertThat(body.get("error").asText()).isEqualTo("invalid_resource");
        assertThat(body.get("error_description").asText()).startsWith("AADSTS500011: The resource principal named "
                + "https://vault.azure.net was not found in the tenant named " + EmulatedIdentity.TENANT_ID + ".");
        assertThat(body.get("error_codes").get(0).asInt()).isEqualTo(500011);
    }

    @Test
    void tokenRequestsAreJournaledAndDoNotNeedABearerToken() {
        emulator.server.emulator().journal().clear();
        HttpRequest request = HttpRequest.newBuilder(URI.create(emulator.server.baseUri() + PATH))
                .timeout(Duration.ofSeconds(5)).header("Metadata", "true")
                .POST(HttpRequest.BodyPublishers.ofString("resource=" + ARM)).build();
        assertThat(emulator.send(request).status()).isEqualTo(200);
        assertThat(emulator.server.emulator().journal().all()).anySatisfy(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.rawPath()).isEqualTo(PATH);
        });
    }
}
