package io.backupmock.server.jobs;

/** The spec's JobOperationType values: what a job does. */
public enum JobOperation {
    Register, UnRegister, ConfigureBackup, Backup, Restore, DisableBackup, DeleteBackupData,
    CrossRegionRestore, Undelete, UpdateCustomerManagedKey;

    /** Parses a wire value case-insensitively, or returns null. */
    public static JobOperation parse(String value) {
        for (JobOperation o : values()) {
            if (o.name().equalsIgnoreCase(value)) {
                return o;
            }
        }
        return null;
    }
}
