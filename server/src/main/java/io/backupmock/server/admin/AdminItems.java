package io.backupmock.server.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backupmock.server.tenancy.ProtectedItem;
import io.backupmock.server.tenancy.Vault;
import java.time.Instant;

/** A vault's protected items as the admin API describes them. */
final class AdminItems {
    private AdminItems() {
    }

    static void describe(ArrayNode into, Vault vault, Instant now) {
        for (ProtectedItem item : vault.items()) {
            ObjectNode i = into.addObject();
            i.put("fabric", item.fabricName());
            i.put("container", item.containerName());
            i.put("name", item.name());
            i.put("protectionState", item.protectionState(now).name());
            i.put("policyId", item.policyId());
        }
    }
}
