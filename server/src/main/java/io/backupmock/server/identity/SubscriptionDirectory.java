package io.backupmock.server.identity;

import io.backupmock.server.state.Emulator;
import io.backupmock.server.tenancy.Vault;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The subscriptions the emulated identity can see, all in {@link EmulatedIdentity#TENANT_ID}: those
 * the configuration names (in its order), then {@link #DEFAULT_SUBSCRIPTION}, then any other that
 * holds a vault (sprung into being or declared through the admin API), by id. The first one is the
 * one a client such as the Azure CLI makes its default.
 */
public final class SubscriptionDirectory {
    /** Always listed: the subscription of the README's examples. */
    public static final String DEFAULT_SUBSCRIPTION = "00000000-0000-0000-0000-000000000000";

    private SubscriptionDirectory() {
    }

    public static List<String> list(Emulator emulator) {
        Map<String, String> ids = new LinkedHashMap<>();
        for (String id : emulator.declaredSubscriptions()) {
            ids.putIfAbsent(id.toLowerCase(Locale.ROOT), id);
        }
        ids.putIfAbsent(DEFAULT_SUBSCRIPTION, DEFAULT_SUBSCRIPTION);
        Map<String, String> others = new TreeMap<>();
        for (Vault v : emulator.tenancy().vaults()) {
            others.putIfAbsent(v.subscriptionId().toLowerCase(Locale.ROOT), v.subscriptionId());
        }
        others.forEach(ids::putIfAbsent);
        return new ArrayList<>(ids.values());
    }

    /** The listed subscription with this id (in any case), or null. */
    public static String find(Emulator emulator, String subscriptionId) {
        for (String id : list(emulator)) {
            if (id.equalsIgnoreCase(subscriptionId)) {
                return id;
            }
        }
        return null;
    }

    /** The name the subscription is shown with: {@code backup-mock} and the first block of its id. */
    public static String displayName(String subscriptionId) {
        return "backup-mock " + subscriptionId.substring(0, 8);
    }
}
