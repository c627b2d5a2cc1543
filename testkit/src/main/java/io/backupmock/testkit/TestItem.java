package io.backupmock.testkit;

import io.backupmock.server.config.EmulatorConfig.ItemConfig;

/** A protected item of a {@link TestVault}: its names and ARM path. */
public final class TestItem {
    private final TestVault vault;
    private final ItemConfig item;

    TestItem(TestVault vault, ItemConfig item) {
        this.vault = vault;
        this.item = item;
    }

    /** e.g. {@code IaasVMContainer;iaasvmcontainerv2;testRG;testVM} */
    public String containerName() {
        return item.container();
    }

    /** e.g. {@code VM;iaasvmcontainerv2;testRG;testVM} */
    public String name() {
        return item.name();
    }

    /**
     * ARM path of the item, from {@code /subscriptions/…}, with its {@code ;} raw as Azure writes
     * them in {@code Location} headers. Send it as it is: the emulator takes {@code ;} raw or as
     * {@code %3B}, as Azure does.
     */
    public String path() {
        return vault.path() + "/backupFabrics/" + item.fabric() + "/protectionContainers/" + item.container()
                + "/protectedItems/" + item.name();
    }

    ItemConfig config() {
        return item;
    }
}
