package io.backupmock.server.operations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backupmock.server.state.Emulator;
import io.backupmock.server.gateway.ApiRequest;
import io.backupmock.server.gateway.ApiResponse;
import io.backupmock.server.gateway.Operation;
import io.backupmock.server.tenancy.Vault;
import io.backupmock.server.tracking.AsyncOperation;
import io.backupmock.server.wire.Json;

/**
 * ExportJobsOperationResults_Get: {@code GET …/backupJobs/operationResults/{op}} → 202 while the
 * export runs (its body repeating the headers, as Azure's does), then 200 with the blob URL and
 * SAS key of the report.
 */
public final class ExportJobsOperationResultsGet implements Operation {
    private final Emulator emulator;

    public ExportJobsOperationResultsGet(Emulator emulator) {
        this.emulator = emulator;
    }

    @Override
    public ApiResponse handle(ApiRequest req) {
        Vault vault = Lookups.vault(emulator, req);
        AsyncOperation op = Lookups.operation(vault, req.param("operationId"), AsyncOperation.Kind.EXPORT);
        ObjectNode body = Json.object();
        ObjectNode headers = body.putObject("headers");
        ObjectNode operation = body.putObject("operation");
        operation.put("objectType", "ExportJobsOperationResultInfo");
        if (OperationStatuses.finished(op.at(req.now())) == null) {
            String location = req.url(TriggerPaths.exportResult(vault, op));
            String retryAfter = Integer.toString(emulator.settings().retryAfterSeconds());
            headers.putArray("Location").add(location);
            headers.putArray("Retry-After").add(retryAfter);
            return ApiResponse.json(202, body).header("Location", location).header("Retry-After", retryAfter);
        }
        Emulator.ExportBlob blob = emulator.export(ExportBlobGet.blobName(op));
        operation.put("blobUrl", ExportBlobGet.url(req, op));
        operation.put("blobSasKey", ExportBlobGet.sasKey(blob));
        return ApiResponse.ok(body);
    }
}
