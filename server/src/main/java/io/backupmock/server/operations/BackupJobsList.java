package io.backupmock.server.operations;

import io.backupmock.server.state.Emulator;
import io.backupmock.server.gateway.ApiError;
import io.backupmock.server.gateway.ApiRequest;
import io.backupmock.server.gateway.ApiResponse;
import io.backupmock.server.gateway.Operation;
import io.backupmock.server.jobs.FilterException;
import io.backupmock.server.jobs.JobFilter;
import io.backupmock.server.jobs.JobSnapshot;
import io.backupmock.server.jobs.Page;
import io.backupmock.server.jobs.PageToken;
import io.backupmock.server.tenancy.Vault;
import io.backupmock.server.wire.JobTemplate;
import java.util.ArrayList;
import java.util.List;

/**
 * BackupJobs_List: {@code GET …/vaults/{v}/backupJobs} with {@code $filter} and
 * {@code $skipToken} → 200 JobResourceList, newest first, a {@code nextLink} while more remain.
 */
public final class BackupJobsList implements Operation {
    private final Emulator emulator;
    private final JobTemplates entries = new JobTemplates(false);

    public BackupJobsList(Emulator emulator) {
        this.emulator = emulator;
    }

    @Override
    public ApiResponse handle(ApiRequest req) {
        Vault vault = Lookups.vault(emulator, req);
        String filterText = req.query("$filter");
        JobFilter filter = parseFilter(filterText);
        PageToken after = parseSkipToken(req.query("$skiptoken"));
        Page<JobSnapshot> page = vault.jobs().list(filter, req.now(), after, emulator.settings().pageSize());
        String nextLink = page.next() == null ? null
                : Paging.nextLink(req, vault.path() + "/backupJobs", filterText, page.next().encode());
        // A full page is 200 jobs: each from its phase's bytes, the clock's values filled in.
        List<JobTemplate> templates = new ArrayList<>(page.items().size());
        for (JobSnapshot job : page.items()) {
            templates.add(entries.of(vault, job));
        }
        return ApiResponse.ok(JobTemplate.page(templates, page.items(), nextLink));
    }

    static JobFilter parseFilter(String filterText) {
        try {
            return JobFilter.parse(filterText);
        } catch (FilterException e) {
            throw ApiError.invalidInput(e.getMessage());
        }
    }

    private static PageToken parseSkipToken(String token) {
        if (token == null || token.isEmpty()) {
            return null;
        }
        try {
            return PageToken.decode(token);
        } catch (IllegalArgumentException e) {
            throw ApiError.invalidInput(e.getMessage() + " Use the nextLink of the previous page as it is.");
        }
    }
}
