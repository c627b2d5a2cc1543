package io.backupmock.server.identity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backupmock.server.gateway.ApiRequest;
import io.backupmock.server.gateway.ApiResponse;
import io.backupmock.server.gateway.Ids;
import io.backupmock.server.gateway.Operation;
import io.backupmock.server.wire.Json;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Azure's managed-identity token endpoint, at IMDS's path {@code /metadata/identity/oauth2/token}:
 * <ul>
 * <li>{@code GET ?api-version=…&resource=…}, as IMDS serves it to SDKs on a VM;</li>
 * <li>{@code POST} with a form body {@code resource=…}, as the Azure CLI sends it to
 * {@code MSI_ENDPOINT} (msrestazure posts to that URL as it is).</li>
 * </ul>
 * Both need {@code Metadata: true}. The answer is IMDS's: {@code access_token} (an unsigned JWT of
 * {@link EmulatedIdentity}), {@code expires_on} and its siblings as strings of epoch seconds,
 * {@code resource}, {@code token_type}. Its times are the machine's real time, never the
 * emulator's clock: clients compare them with their own clock. Failures are OAuth errors
 * ({@code {"error":"invalid_request","error_description":…}}), with IMDS's wording, not CloudErrors.
 */
public final class ManagedIdentityEndpoint implements Operation {
    public static final String PATH = "metadata/identity/oauth2/token";
    private static final DateTimeFormatter AAD_TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private final Clock wallClock;

    public ManagedIdentityEndpoint() {
        this(Clock.systemUTC());
    }

    /** @param wallClock the time tokens are issued at (the machine's real time in the emulator) */
    public ManagedIdentityEndpoint(Clock wallClock) {
        this.wallClock = wallClock;
    }

    @Override
    public ApiResponse handle(ApiRequest req) {
        if (!"true".equals(req.header("Metadata"))) {
            return error("invalid_request", "Required metadata header not specified");
        }
        Map<String, String> params;
        try {
            params = parameters(req);
        } catch (IllegalArgumentException e) {
            return error("invalid_request", "The request is missing a required parameter, includes an invalid "
                    + "parameter value, includes a parameter more than once, or is otherwise malformed.");
        }
        if (req.method().equals("GET") && isBlank(params.get("api-version"))) {
            return error("invalid_request", "Required query variable 'api-version' is missing");
        }
        String resource = params.get("resource");
        if (isBlank(resource)) {
            return error("invalid_request", "Required query variable 'resource' is missing");
        }
        if (!identityMatches(params)) {
            return error("invalid_request", "Identity not found");
        }
        Instant now = wallClock.instant();
        if (!EmulatedIdentity.knows(resource, req.baseUrl())) {
            return unknownResource(resource, now);
        }
        long issued = now.getEpochSecond();
        String expiresIn = Long.toString(EmulatedIdentity.LIFETIME.getSeconds());
        ObjectNode body = Json.object();
        body.put("access_token", EmulatedIdentity.token(resource, now));
        body.put("client_id", EmulatedIdentity.CLIENT_ID);
        body.put("expires_in", expiresIn);
        body.put("expires_on", Long.toString(issued + EmulatedIdentity.LIFETIME.getSeconds()));
        body.put("ext_expires_in", expiresIn);
        body.put("not_before", Long.toString(issued));
        body.put("resource", resource);
        body.put("token_type", "Bearer");
        return ApiResponse.ok(body);
    }

    /** The query's parameters, and for a POST the form body's over them. */
    private static Map<String, String> parameters(ApiRequest req) {
        Map<String, String> params = new HashMap<>();
        for (String name : new String[] {"api-version", "resource", "client_id", "object_id", "msi_res_id"}) {
            String v = req.query(name);
            if (v != null) {
                params.put(name, v);
            }
        }
        if (req.method().equals("POST") && req.hasBody()) {
            String form = new String(req.bodyBytes(), StandardCharsets.UTF_8);
            for (String pair : form.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                params.put(name.toLowerCase(Locale.ROOT), value);
            }
        }
        return params;
    }

    /** A user-assigned identity asked for by id must be the emulated one (there is no other). */
    private static boolean identityMatches(Map<String, String> params) {
        String clientId = params.get("client_id");
        String objectId = params.get("object_id");
        String resourceId = params.get("msi_res_id");
        return (clientId == null || clientId.equalsIgnoreCase(EmulatedIdentity.CLIENT_ID))
                && (objectId == null || objectId.equalsIgnoreCase(EmulatedIdentity.OBJECT_ID))
                && resourceId == null;
    }

    /** What IMDS passes on from Azure AD when no application has the resource's App ID URI. */
    private static ApiResponse unknownResource(String resource, Instant now) {
        String trace = Ids.guid();
        String correlation = Ids.guid();
        String timestamp = AAD_TIMESTAMP.format(now);
        ObjectNode body = Json.object();
        body.put("error", "invalid_resource");
        body.put("error_description", "AADSTS500011: The resource principal named " + resource
                + " was not found in the tenant named " + EmulatedIdentity.TENANT_ID + ". This can happen if the "
                + "application has not been installed by the administrator of the tenant or consented to by any "
                + "user in the tenant. You might have sent your authentication request to the wrong tenant.\r\n"
                + "Trace ID: " + trace + "\r\nCorrelation ID: " + correlation + "\r\nTimestamp: " + timestamp);
        body.putArray("error_codes").add(500011);
        body.put("timestamp", timestamp);
        body.put("trace_id", trace);
        body.put("correlation_id", correlation);
        body.put("error_uri", "https://login.microsoftonline.com/error?code=500011");
        return ApiResponse.foreign(400, body);
    }

    private static ApiResponse error(String code, String description) {
        ObjectNode body = Json.object();
        body.put("error", code);
        body.put("error_description", description);
        return ApiResponse.foreign(400, body);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
