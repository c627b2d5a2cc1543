package io.backupmock.server.operations;

import io.backupmock.server.state.Emulator;
import io.backupmock.server.gateway.ApiRequest;
import io.backupmock.server.gateway.ApiResponse;
import io.backupmock.server.gateway.Operation;

/** ProtectedItemOperationStatuses_Get: {@code GET …/protectedItems/{item}/operationsStatus/{op}} → 200 OperationStatus. */
public final class ProtectedItemOperationStatusesGet implements Operation {
    private final Emulator emulator;

    public ProtectedItemOperationStatusesGet(Emulator emulator) {
        this.emulator = emulator;
    }

    @Override
    public ApiResponse handle(ApiRequest req) {
        return OperationStatuses.status(emulator, req);
    }
}
