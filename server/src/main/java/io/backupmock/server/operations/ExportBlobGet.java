package io.backupmock.server.operations;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backupmock.server.state.Emulator;
import io.backupmock.server.gateway.ApiError;
import io.backupmock.server.gateway.ApiRequest;
import io.backupmock.server.gateway.ApiResponse;
import io.backupmock.server.gateway.Operation;
import io.backupmock.server.jobs.JobSnapshot;
import io.backupmock.server.tracking.AsyncOperation;
import io.backupmock.server.wire.JobRenderer;
import io.backupmock.server.wire.Json;
import java.time.Instant;

/**
 * The report an export wrote, where its blob URL points: {@code GET /backupmock-exports/reportcontainer/{blob}}
 * plus the SAS key. Its body is {@code {"value": [JobResource…]}}, the matching jobs as they were
 * when the export finished. Outside ARM: no bearer token or api-version, the SAS signature instead.
 */
public final class ExportBlobGet implements Operation {
    public static final String PREFIX = "backupmock-exports";
    public static final String PATH = PREFIX + "/reportcontainer/{blobName}";
    private final Emulator emulator;

    public ExportBlobGet(Emulator emulator) {
        this.emulator = emulator;
    }

    static String blobName(AsyncOperation op) {
        return "exportjobsreport" + op.id();
    }

    static String url(ApiRequest req, AsyncOperation op) {
        return req.baseUrl() + "/" + PREFIX + "/reportcontainer/" + blobName(op);
    }

    static String sasKey(Emulator.ExportBlob blob) {
        return "?sv=2026-02-06&sr=b&sp=r&sig=" + blob.signature();
    }

    @Override
    public ApiResponse handle(ApiRequest req) {
        Emulator.ExportBlob blob = emulator.export(req.param("blobName"));
        Instant end = blob == null ? null : blob.operation().end();
        if (blob == null || emulator.clockFor(blob.vault().subscriptionId()).instant().isBefore(end)) {
            throw ApiError.notFound("BlobNotFound", "The specified blob does not exist.");
        }
        if (!blob.signature().equals(req.query("sig"))) {
            throw new ApiError(403, "AuthenticationFailed",
                    "Server failed to authenticate the request: the blob URL needs the blobSasKey of the export.");
        }
        ObjectNode body = Json.object();
        ArrayNode value = body.putArray("value");
        for (JobSnapshot job : blob.vault().jobs().list(blob.operation().exportFilter(), end, null,
                Integer.MAX_VALUE).items()) {
            value.add(JobRenderer.render(blob.vault(), job, true));
        }
        return ApiResponse.ok(body);
    }
}
