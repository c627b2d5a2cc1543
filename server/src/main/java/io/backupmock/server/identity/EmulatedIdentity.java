package io.backupmock.server.identity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backupmock.server.gateway.Ids;
import io.backupmock.server.wire.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * The one identity the emulator vouches for: a system-assigned managed identity in a tenant of its
 * own, with the fixed ids below. Its access tokens are unsigned JWTs ({@code "alg":"none"}) whose
 * claims are those Azure AD writes into a managed identity's token; clients read {@code tid} from
 * them (the Azure CLI does), and the emulator accepts any well-formed bearer token anyway.
 */
public final class EmulatedIdentity {
    /** The tenant every subscription of the emulator belongs to. */
    public static final String TENANT_ID = "11111111-1111-1111-1111-111111111111";
    /** The identity's service principal (token claim {@code oid}). */
    public static final String OBJECT_ID = "22222222-2222-2222-2222-222222222222";
    /** The identity's application id (token claim {@code appid}, answer field {@code client_id}). */
    public static final String CLIENT_ID = "33333333-3333-3333-3333-333333333333";
    public static final String TENANT_DOMAIN = "backupmock.onmicrosoft.com";
    /** A token is valid this long after it is issued, as IMDS's are. */
    public static final Duration LIFETIME = Duration.ofSeconds(86_399);
    /** Audiences of Azure Resource Manager that a token may be asked for (the emulator's own URL too). */
    public static final List<String> ARM_AUDIENCES = List.of("https://management.core.windows.net/",
            "https://management.azure.com/");

    private static final String ISSUER = "https://sts.windows.net/" + TENANT_ID + "/";
    private static final String HEADER = base64Url("{\"typ\":\"JWT\",\"alg\":\"none\"}");

    private EmulatedIdentity() {
    }

    /**
     * Whether a token can be issued for {@code resource}: one of {@link #ARM_AUDIENCES} or the
     * emulator's base URL, with or without the trailing slash, in any case.
     */
    public static boolean knows(String resource, String baseUrl) {
        String r = withSlash(resource).toLowerCase(Locale.ROOT);
        return ARM_AUDIENCES.contains(r) || r.equals(withSlash(baseUrl).toLowerCase(Locale.ROOT));
    }

    /** An unsigned JWT for {@code resource}, issued at {@code issued}. */
    public static String token(String resource, Instant issued) {
        long iat = issued.getEpochSecond();
        ObjectNode claims = Json.object();
        claims.put("aud", resource);
        claims.put("iss", ISSUER);
        claims.put("iat", iat);
        claims.put("nbf", iat);
        claims.put("exp", iat + LIFETIME.getSeconds());
        claims.put("appid", CLIENT_ID);
        claims.put("appidacr", "2");
        claims.put("idp", ISSUER);
        claims.put("idtyp", "app");
        claims.put("oid", OBJECT_ID);
        claims.put("sub", OBJECT_ID);
        claims.put("tid", TENANT_ID);
        claims.put("uti", Ids.guid().replace("-", ""));
        claims.put("ver", "1.0");
        claims.put("xms_mirid", "/subscriptions/" + SubscriptionDirectory.DEFAULT_SUBSCRIPTION
                + "/resourcegroups/backup-mock/providers/Microsoft.Compute/virtualMachines/backup-mock");
        return HEADER + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(Json.bytes(claims)) + ".";
    }

    private static String withSlash(String s) {
        return s.endsWith("/") ? s : s + "/";
    }

    private static String base64Url(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
