package io.backupmock.testkit;

import io.backupmock.server.tenancy.ProtectedItem;
import java.time.Instant;

/** A protected item of a {@link TestVault}: its names and ARM path. */
public final class TestItem {
    private final TestVault vault;
    private final String fabric;
    private final String container;
    private final String name;

    TestItem(TestVault vault, String fabric, String container, String name) {
        this.vault = vault;
        this.fabric = fabric;
        this.container = container;
        this.name = name;
    }

    /** e.g. {@code IaasVMContainer;iaasvmcontainerv2;testRG;testVM} */
    public String containerName() {
        return container;
    }

    /** e.g. {@code VM;iaasvmcontainerv2;testRG;testVM} */
    public String name() {
        return name;
    }

    /** ARM path of the item, from {@code /subscriptions/…}, with its {@code ;} raw as Azure writes them. */
    public String path() {
        return vault.path() + "/backupFabrics/" + fabric + "/protectionContainers/" + container + "/protectedItems/"
                + name;
    }

    ProtectedItem model(Instant now) {
        ProtectedItem item = vault.model().item(fabric, container, name, now);
        if (item == null) {
            throw new IllegalStateException("item " + name + " was deleted");
        }
        return item;
    }
}
