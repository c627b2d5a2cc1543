package io.backupmock.server.operations;

import io.backupmock.server.state.Emulator;
import io.backupmock.server.gateway.ApiError;
import io.backupmock.server.gateway.ApiRequest;
import io.backupmock.server.gateway.ApiResponse;
import io.backupmock.server.gateway.ArmOwnResources;
import io.backupmock.server.gateway.Operation;
import io.backupmock.server.identity.SubscriptionDirectory;
import io.backupmock.server.identity.DirectoryRenderer;

/**
 * Subscriptions_Get (Microsoft.Resources): {@code GET /subscriptions/{subscriptionId}}. Any subscription
 * id (a GUID) exists, as its vaults would spring into being; in strict mode only a listed one
 * (else 404 {@code SubscriptionNotFound}).
 */
public final class SubscriptionsGet implements Operation {
    public static final String PATH = "subscriptions/{subscriptionId}";
    private final Emulator emulator;

    public SubscriptionsGet(Emulator emulator) {
        this.emulator = emulator;
    }

    @Override
    public ApiResponse handle(ApiRequest req) {
        String id = req.param("subscriptionId");
        ArmOwnResources.check(req, emulator.settings().authRequired(), emulator.settings().apiVersions(), id);
        String listed = SubscriptionDirectory.find(emulator, id);
        if (listed == null && emulator.tenancy().strict()) {
            throw ApiError.notFound("SubscriptionNotFound", "The subscription '" + id + "' could not be found.");
        }
        return ApiResponse.ok(DirectoryRenderer.subscription(listed != null ? listed : id));
    }
}
