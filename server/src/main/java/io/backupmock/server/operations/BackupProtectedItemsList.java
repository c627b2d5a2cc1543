package io.backupmock.server.operations;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backupmock.server.state.Emulator;
import io.backupmock.server.gateway.ApiError;
import io.backupmock.server.gateway.ApiRequest;
import io.backupmock.server.gateway.ApiResponse;
import io.backupmock.server.gateway.Operation;
import io.backupmock.server.jobs.FilterException;
import io.backupmock.server.jobs.ODataFilter;
import io.backupmock.server.tenancy.ProtectedItem;
import io.backupmock.server.tenancy.Vault;
import io.backupmock.server.wire.ItemRenderer;
import io.backupmock.server.wire.Json;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * BackupProtectedItems_List: {@code GET …/vaults/{v}/backupProtectedItems} → 200
 * ProtectedItemResourceList of the items the vault knows, by name, with {@code $filter} on
 * backupManagementType, itemType and policyName.
 */
public final class BackupProtectedItemsList implements Operation {
    private static final Set<String> FIELDS = new LinkedHashSet<>(
            List.of("backupManagementType", "itemType", "policyName"));
    private final Emulator emulator;

    public BackupProtectedItemsList(Emulator emulator) {
        this.emulator = emulator;
    }

    @Override
    public ApiResponse handle(ApiRequest req) {
        Vault vault = Lookups.vault(emulator, req);
        String filterText = req.query("$filter");
        Map<String, String> filter;
        try {
            filter = ODataFilter.parse(filterText, FIELDS);
        } catch (FilterException e) {
            throw ApiError.invalidInput(e.getMessage());
        }
        List<ProtectedItem> matching = new ArrayList<>();
        for (ProtectedItem item : vault.items()) {
            if (matches(item, filter)) {
                matching.add(item);
            }
        }
        int from = skip(req.query("$skiptoken"));
        int to = Math.min(matching.size(), from + emulator.settings().pageSize());
        ObjectNode body = Json.object();
        ArrayNode value = body.putArray("value");
        for (ProtectedItem item : matching.subList(Math.min(from, to), to)) {
            value.add(ItemRenderer.render(item, req.now()));
        }
        if (to < matching.size()) {
            body.put("nextLink", Paging.nextLink(req, vault.path() + "/backupProtectedItems", filterText,
                    Integer.toString(to)));
        }
        return ApiResponse.ok(body);
    }

    private static boolean matches(ProtectedItem item, Map<String, String> filter) {
        String type = filter.get("backupManagementType");
        String itemType = filter.get("itemType");
        String policy = filter.get("policyName");
        return (type == null || type.equalsIgnoreCase(item.kind().managementType().name()))
                && (itemType == null || itemType.equalsIgnoreCase(item.kind().workloadType()))
                && (policy == null || policy.equalsIgnoreCase(item.policyName()));
    }

    private static int skip(String token) {
        if (token == null || token.isEmpty()) {
            return 0;
        }
        try {
            int n = Integer.parseInt(token);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiError.invalidInput("The skip token '" + token + "' is not valid. Use the nextLink of the "
                    + "previous page as it is.");
        }
    }
}
