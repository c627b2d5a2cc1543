package io.backupmock.server.jobs;

/** The spec's BackupManagementType values. */
public enum BackupManagementType {
    AzureIaasVM, MAB, DPM, AzureBackupServer, AzureSql, AzureStorage, AzureWorkload, DefaultBackup;

    /** Parses a wire value case-insensitively, or returns null. */
    public static BackupManagementType parse(String value) {
        for (BackupManagementType t : values()) {
            if (t.name().equalsIgnoreCase(value)) {
                return t;
            }
        }
        return null;
    }
}
