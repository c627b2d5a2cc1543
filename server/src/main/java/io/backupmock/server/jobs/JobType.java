package io.backupmock.server.jobs;

/**
 * The {@code jobType} discriminator of Job, one value per subtype in the spec, with the
 * backupManagementType a job of that type reports when its script does not say otherwise.
 */
public enum JobType {
    AzureIaaSVMJob(BackupManagementType.AzureIaasVM),
    AzureIaaSVMJobV2(BackupManagementType.AzureIaasVM),
    AzureStorageJob(BackupManagementType.AzureStorage),
    AzureWorkloadJob(BackupManagementType.AzureWorkload),
    DpmJob(BackupManagementType.DPM),
    MabJob(BackupManagementType.MAB),
    VaultJob(BackupManagementType.DefaultBackup);

    private final BackupManagementType managementType;

    JobType(BackupManagementType managementType) {
        this.managementType = managementType;
    }

    public BackupManagementType managementType() {
        return managementType;
    }
}
