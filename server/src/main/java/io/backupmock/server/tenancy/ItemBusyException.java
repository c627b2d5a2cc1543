package io.backupmock.server.tenancy;

import io.backupmock.server.jobs.Job;

/** A backup was triggered on an item whose previous backup still runs, and the scenario refuses it. */
public final class ItemBusyException extends RuntimeException {
    private final transient ProtectedItem item;
    private final transient Job running;

    ItemBusyException(ProtectedItem item, Job running) {
        super("a backup of '" + item.name() + "' is running (job " + running.id() + ")");
        this.item = item;
        this.running = running;
    }

    public ProtectedItem item() {
        return item;
    }

    /** The backup job that still runs. */
    public Job running() {
        return running;
    }
}
