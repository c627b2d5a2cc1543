package io.backupmock.server.tenancy;

import io.backupmock.server.jobs.BackupManagementType;
import io.backupmock.server.jobs.JobType;
import java.util.List;
import java.util.Locale;

/**
 * The workloads a protected item can be, recognised by the prefix of its name as Azure writes it
 * ({@code VM;iaasvmcontainerv2;rg;vm}, {@code AzureFileShare;…}, {@code SQLDataBase;…}).
 */
public enum ItemKind {
    IAAS_VM("vm;", "Microsoft.Compute/virtualMachines", BackupManagementType.AzureIaasVM, "VM",
            JobType.AzureIaaSVMJob, "IaasVMBackupRequest",
            List.of("IaasVMRestoreRequest", "IaasVMRestoreWithRehydrationRequest")),
    AZURE_FILE_SHARE("azurefileshare;", "AzureFileShareProtectedItem", BackupManagementType.AzureStorage,
            "AzureFileShare", JobType.AzureStorageJob, "AzureFileShareBackupRequest",
            List.of("AzureFileShareRestoreRequest")),
    SQL_DATABASE("sqldatabase;", "AzureVmWorkloadSQLDatabase", BackupManagementType.AzureWorkload, "SQLDataBase",
            JobType.AzureWorkloadJob, "AzureWorkloadBackupRequest", workloadRestores()),
    SAP_HANA_DATABASE("saphanadatabase;", "AzureVmWorkloadSAPHanaDatabase", BackupManagementType.AzureWorkload,
            "SAPHanaDatabase", JobType.AzureWorkloadJob, "AzureWorkloadBackupRequest", workloadRestores()),
    SAP_ASE_DATABASE("sapasedatabase;", "AzureVmWorkloadSAPAseDatabase", BackupManagementType.AzureWorkload,
            "SAPAseDatabase", JobType.AzureWorkloadJob, "AzureWorkloadBackupRequest", workloadRestores());

    private final String namePrefix;
    private final String protectedItemType;
    private final BackupManagementType managementType;
    private final String workloadType;
    private final JobType jobType;
    private final String backupRequestType;
    private final List<String> restoreRequestTypes;

    ItemKind(String namePrefix, String protectedItemType, BackupManagementType managementType, String workloadType,
             JobType jobType, String backupRequestType, List<String> restoreRequestTypes) {
        this.namePrefix = namePrefix;
        this.protectedItemType = protectedItemType;
        this.managementType = managementType;
        this.workloadType = workloadType;
        this.jobType = jobType;
        this.backupRequestType = backupRequestType;
        this.restoreRequestTypes = restoreRequestTypes;
    }

    private static List<String> workloadRestores() {
        return List.of("AzureWorkloadRestoreRequest", "AzureWorkloadSQLRestoreRequest",
                "AzureWorkloadSQLPointInTimeRestoreRequest", "AzureWorkloadSAPHanaRestoreRequest",
                "AzureWorkloadSAPHanaPointInTimeRestoreRequest", "AzureWorkloadSAPAseRestoreRequest",
                "AzureWorkloadSAPAsePointInTimeRestoreRequest", "AzureWorkloadPointInTimeRestoreRequest",
                "AzureWorkloadSQLRestoreWithRehydrateRequest", "AzureWorkloadSAPHanaRestoreWithRehydrateRequest",
                "AzureWorkloadSQLPointInTimeRestoreWithRehydrateRequest",
                "AzureWorkloadSAPHanaPointInTimeRestoreWithRehydrateRequest");
    }

    /** The kind an item name denotes, or null when the name follows none of Azure's forms. */
    public static ItemKind ofItemName(String itemName) {
        String lower = itemName.toLowerCase(Locale.ROOT);
        for (ItemKind kind : values()) {
            if (lower.startsWith(kind.namePrefix) && lower.length() > kind.namePrefix.length()) {
                return kind;
            }
        }
        return null;
    }

    public String protectedItemType() {
        return protectedItemType;
    }

    public BackupManagementType managementType() {
        return managementType;
    }

    public String workloadType() {
        return workloadType;
    }

    public JobType jobType() {
        return jobType;
    }

    public String backupRequestType() {
        return backupRequestType;
    }

    public List<String> restoreRequestTypes() {
        return restoreRequestTypes;
    }
}
