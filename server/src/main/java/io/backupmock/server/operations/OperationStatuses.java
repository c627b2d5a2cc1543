package io.backupmock.server.operations;

import io.backupmock.server.state.Emulator;
import io.backupmock.server.gateway.ApiError;
import io.backupmock.server.gateway.ApiRequest;
import io.backupmock.server.gateway.ApiResponse;
import io.backupmock.server.tracking.AsyncOperation;
import io.backupmock.server.tracking.OperationState;
import io.backupmock.server.tracking.OperationStatusValue;
import io.backupmock.server.wire.OperationRenderer;

/**
 * The two ways Azure reports an operation: its status URL (always 200 with an OperationStatus)
 * and its result URL (202 while it runs, then the result, or the error with its status code).
 */
final class OperationStatuses {
    private OperationStatuses() {
    }

    static ApiResponse status(Emulator emulator, ApiRequest req) {
        AsyncOperation op = Lookups.operation(Lookups.vault(emulator, req), req.param("operationId"));
        return ApiResponse.ok(OperationRenderer.status(op.at(req.now())));
    }

    /**
     * The state of a result URL's operation, or the 202 to answer while it runs; a Failed
     * operation answers its error.
     */
    static OperationState finished(OperationState state) {
        if (state.status() == OperationStatusValue.Failed) {
            throw ApiError.badRequest(state.error().code(),
                    state.error().message() == null ? "The operation failed." : state.error().message());
        }
        return state.isDone() ? state : null;
    }
}
