package io.backupmock.server.wire;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backupmock.server.tracking.OperationState;

/** Renders an operation's state as an OperationStatus body. */
public final class OperationRenderer {
    private OperationRenderer() {
    }

    public static ObjectNode status(OperationState state) {
        ObjectNode body = Json.object();
        String id = state.operation().id();
        body.put("id", id);
        body.put("name", id);
        body.put("status", state.status().name());
        body.put("startTime", WireFormats.instant(state.startTime()));
        body.put("endTime", state.endTime() == null ? WireFormats.NOT_ENDED : WireFormats.instant(state.endTime()));
        if (state.error() != null) {
            ObjectNode error = body.putObject("error");
            error.put("code", state.error().code());
            if (state.error().message() != null) {
                error.put("message", state.error().message());
            }
        }
        if (state.jobId() != null) {
            ObjectNode props = body.putObject("properties");
            props.put("objectType", "OperationStatusJobExtendedInfo");
            props.put("jobId", state.jobId());
        }
        return body;
    }
}
