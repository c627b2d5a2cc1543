package io.backupmock.server.jobs;

/**
 * What a job works on, as its properties name it.
 *
 * @param entityFriendlyName   e.g. the VM name
 * @param containerName        e.g. {@code iaasvmcontainerv2;testRG;testVM}; null for vault jobs
 * @param backupManagementType the workload family
 * @param workloadType         e.g. {@code VM}, {@code AzureFileShare}, {@code SQLDataBase}; null for vault jobs
 * @param itemKey              identity of the protected item within its vault, or null
 */
public record JobSubject(String entityFriendlyName, String containerName, BackupManagementType backupManagementType,
                         String workloadType, String itemKey) {
}
