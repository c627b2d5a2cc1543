package io.backupmock.server.operations;

import io.backupmock.server.state.Emulator;
import io.backupmock.server.gateway.ApiRequest;
import io.backupmock.server.gateway.ApiResponse;
import io.backupmock.server.gateway.ArmOwnResources;
import io.backupmock.server.gateway.Operation;
import io.backupmock.server.identity.DirectoryRenderer;

/** Tenants_List (Microsoft.Resources): {@code GET /tenants}, the emulated identity's one tenant. */
public final class TenantsList implements Operation {
    public static final String PATH = "tenants";
    private final Emulator emulator;

    public TenantsList(Emulator emulator) {
        this.emulator = emulator;
    }

    @Override
    public ApiResponse handle(ApiRequest req) {
        ArmOwnResources.check(req, emulator.settings().authRequired(), emulator.settings().apiVersions(), null);
        return ApiResponse.ok(DirectoryRenderer.tenants(req.apiVersion()));
    }
}
