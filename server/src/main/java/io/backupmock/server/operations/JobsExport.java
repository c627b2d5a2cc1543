package io.backupmock.server.operations;

import io.backupmock.server.state.Emulator;
import io.backupmock.server.gateway.ApiRequest;
import io.backupmock.server.gateway.ApiResponse;
import io.backupmock.server.ids.Guids;
import io.backupmock.server.gateway.Operation;
import io.backupmock.server.tenancy.Vault;
import io.backupmock.server.tracking.AsyncOperation;

/** Jobs_Export: {@code POST …/vaults/{v}/backupJobsExport} with an optional {@code $filter} → 202 with Location. */
public final class JobsExport implements Operation {
    private final Emulator emulator;

    public JobsExport(Emulator emulator) {
        this.emulator = emulator;
    }

    @Override
    public ApiResponse handle(ApiRequest req) {
        Vault vault = Lookups.vault(emulator, req);
        AsyncOperation op = vault.export(BackupJobsList.parseFilter(req.query("$filter")), req.now());
        emulator.addExport(ExportBlobGet.blobName(op), new Emulator.ExportBlob(vault, op, Guids.next().replace("-", "")));
        return Lookups.accepted(emulator, req, null, TriggerPaths.exportResult(vault, op));
    }
}
