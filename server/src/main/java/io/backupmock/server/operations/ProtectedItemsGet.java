package io.backupmock.server.operations;

import io.backupmock.server.state.Emulator;
import io.backupmock.server.gateway.ApiRequest;
import io.backupmock.server.gateway.ApiResponse;
import io.backupmock.server.gateway.Operation;
import io.backupmock.server.wire.ItemRenderer;

/** ProtectedItems_Get: {@code GET …/protectedItems/{item}} → 200 ProtectedItemResource. */
public final class ProtectedItemsGet implements Operation {
    private final Emulator emulator;

    public ProtectedItemsGet(Emulator emulator) {
        this.emulator = emulator;
    }

    @Override
    public ApiResponse handle(ApiRequest req) {
        return ApiResponse.ok(ItemRenderer.render(Lookups.item(emulator, req), req.now()));
    }
}
