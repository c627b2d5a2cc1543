package io.backupmock.server.operations;

import io.backupmock.server.state.Emulator;
import io.backupmock.server.gateway.ApiRequest;
import io.backupmock.server.gateway.ApiResponse;
import io.backupmock.server.gateway.ArmOwnResources;
import io.backupmock.server.gateway.Operation;
import io.backupmock.server.identity.SubscriptionDirectory;
import io.backupmock.server.identity.DirectoryRenderer;

/** Subscriptions_List (Microsoft.Resources): {@code GET /subscriptions}, every subscription the emulator knows. */
public final class SubscriptionsList implements Operation {
    public static final String PATH = "subscriptions";
    private final Emulator emulator;

    public SubscriptionsList(Emulator emulator) {
        this.emulator = emulator;
    }

    @Override
    public ApiResponse handle(ApiRequest req) {
        ArmOwnResources.check(req, emulator.settings().authRequired(), emulator.settings().apiVersions(), null);
        return ApiResponse.ok(DirectoryRenderer.subscriptions(SubscriptionDirectory.list(emulator), req.apiVersion()));
    }
}
