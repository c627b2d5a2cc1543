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
import io.backupmock.server.wire.ContainerRenderer;
import io.backupmock.server.wire.Json;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * BackupProtectionContainers_List: {@code GET …/vaults/{v}/backupProtectionContainers} → 200
 * ProtectionContainerResourceList, the containers of the vault's protected items (each once), with
 * {@code $filter} on backupManagementType, status, friendlyName and fabricName, as
 * the Azure CLI's {@code az backup container list/show} sends it. Every container is
 * {@code Registered}, so another status matches none.
 */
public final class BackupProtectionContainersList implements Operation {
    private static final Set<String> FIELDS = new LinkedHashSet<>(
            List.of("backupManagementType", "status", "friendlyName", "fabricName"));
    private final Emulator emulator;

    public BackupProtectionContainersList(Emulator emulator) {
        this.emulator = emulator;
    }

    @Override
    public ApiResponse handle(ApiRequest req) {
        Vault vault = Lookups.vault(emulator, req);
        Map<String, String> filter;
        try {
            filter = ODataFilter.parse(req.query("$filter"), FIELDS);
        } catch (FilterException e) {
            throw ApiError.invalidInput(e.getMessage());
        }
        Map<String, ProtectedItem> byContainer = new LinkedHashMap<>();
        for (ProtectedItem item : vault.items()) {
            if (matches(item, filter)) {
                byContainer.putIfAbsent(item.containerName().toLowerCase(Locale.ROOT), item);
            }
        }
        ObjectNode body = Json.object();
        ArrayNode value = body.putArray("value");
        byContainer.values().forEach(item -> value.add(ContainerRenderer.render(item)));
        return ApiResponse.ok(body);
    }

    private static boolean matches(ProtectedItem item, Map<String, String> filter) {
        return is(filter.get("backupManagementType"), item.kind().managementType().name())
                && is(filter.get("status"), "Registered")
                && is(filter.get("friendlyName"), ContainerRenderer.friendlyName(item))
                && is(filter.get("fabricName"), item.fabricName());
    }

    private static boolean is(String wanted, String actual) {
        return wanted == null || wanted.equalsIgnoreCase(actual);
    }
}
