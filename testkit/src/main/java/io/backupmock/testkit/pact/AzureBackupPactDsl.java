package io.backupmock.testkit.pact;

import au.com.dius.pact.consumer.dsl.DslPart;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;

/**
 * Azure Backup shapes for Pact consumer tests: request paths as provider-state expressions, and
 * response bodies whose ids, dates, durations and enums are matched by type or regex, not literally.
 * They follow the spec's field names, so a pact built with them is one Azure (and the emulator)
 * can honour.
 *
 * <pre>{@code
 * builder.given(ProviderStates.JOB_COMPLETED)
 *     .uponReceiving("a completed job").method("GET")
 *     .pathFromProviderState(AzureBackupPactDsl.JOB_PATH, AzureBackupPactDsl.example(AzureBackupPactDsl.JOB_PATH))
 *     .query("api-version=2019-05-13")
 *     .willRespondWith().status(200).body(AzureBackupPactDsl.job("Completed", true))
 * }</pre>
 */
public final class AzureBackupPactDsl {
    /** The vault's ARM path, with provider-state expressions. */
    public static final String VAULT_PATH = "/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}"
            + "/providers/Microsoft.RecoveryServices/vaults/${vault}";
    /** A protected item's ARM path, with provider-state expressions. */
    public static final String ITEM_PATH = VAULT_PATH + "/backupFabrics/${fabric}/protectionContainers/${container}"
            + "/protectedItems/${item}";
    /** A job's ARM path, with provider-state expressions. */
    public static final String JOB_PATH = VAULT_PATH + "/backupJobs/${jobId}";

    public static final String GUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    public static final String DATE_TIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,7})?(Z|[+-]\\d{2}:\\d{2})";
    public static final String DURATION = "P(?!$)(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+(\\.\\d+)?S)?)?";
    public static final String JOB_STATUS = "InProgress|Completed|Failed|CompletedWithWarnings|Cancelled|Cancelling";
    public static final String JOB_TYPE = "AzureIaaSVMJob|AzureIaaSVMJobV2|AzureStorageJob|AzureWorkloadJob|DpmJob"
            + "|MabJob|VaultJob";
    public static final String JOB_OPERATION = "Register|UnRegister|ConfigureBackup|Backup|Restore|DisableBackup"
            + "|DeleteBackupData|CrossRegionRestore|Undelete|UpdateCustomerManagedKey";
    /** An absolute polling URL, as Azure's Location and Azure-AsyncOperation headers give them. */
    public static final String POLLING_URL = "https?://[^/]+/subscriptions/.+\\?api-version=.+";

    private static final String[][] EXAMPLES = {
        {"${subscriptionId}", "00000000-0000-0000-0000-000000000000"},
        {"${resourceGroup}", "testVaultRG"},
        {"${vault}", "testVault"},
        {"${fabric}", "Azure"},
        {"${container}", "IaasVMContainer;iaasvmcontainerv2;testRG;testVM"},
        {"${item}", "VM;iaasvmcontainerv2;testRG;testVM"},
        {"${jobId}", "7e0d0e41-5c2d-4b4b-9a8e-0a1f4c1d2e3f"},
        {"${operationId}", "c8f1e3a2-6b4d-4e9f-a1c3-5d7e9f1b3a5c"}};

    private AzureBackupPactDsl() {
    }

    /** The example a provider-state expression stands for in the consumer test (Microsoft's walkthrough names). */
    public static String example(String expression) {
        String out = expression;
        for (String[] e : EXAMPLES) {
            out = out.replace(e[0], e[1]);
        }
        return out;
    }

    /**
     * A JobResource of an IaaS VM backup with this {@code status}; with {@code extendedInfo} (a job's
     * GET) or without (a list entry). Jobs that ended carry {@code endTime}; running ones
     * {@code actionsInfo}.
     */
    public static PactDslJsonBody job(String status, boolean withExtendedInfo) {
        PactDslJsonBody body = new PactDslJsonBody()
                .stringMatcher("id", "/[Ss]ubscriptions/" + GUID + "/resourceGroups/[^/]+/providers/"
                        + "Microsoft\\.RecoveryServices/vaults/[^/]+/backupJobs/" + GUID,
                        example(JOB_PATH))
                .uuid("name", "7e0d0e41-5c2d-4b4b-9a8e-0a1f4c1d2e3f")
                .stringValue("type", "Microsoft.RecoveryServices/vaults/backupJobs");
        PactDslJsonBody p = body.object("properties")
                .stringMatcher("jobType", JOB_TYPE, "AzureIaaSVMJob")
                .stringType("entityFriendlyName", "testVM")
                .stringValue("backupManagementType", "AzureIaasVM")
                .stringMatcher("operation", JOB_OPERATION, "Backup")
                .stringValue("status", status)
                .stringMatcher("startTime", DATE_TIME, "2026-11-25T08:35:41.123456Z")
                .uuid("activityId", "3f6a2b1c-8d4e-4f5a-9b6c-7d8e9f0a1b2c")
                .stringMatcher("duration", DURATION, "PT12.5S");
        if (status.equals("InProgress")) {
            p.array("actionsInfo").stringValue("Cancellable").closeArray();
        } else if (!status.equals("Cancelling")) {
            p.stringMatcher("endTime", DATE_TIME, "2026-11-25T08:55:41.123456Z");
        }
        if (status.equals("Failed") || status.equals("CompletedWithWarnings")) {
            p.minArrayLike("errorDetails", 1).stringType("errorString", "Virtual machine doesn't exist.")
                    .closeObject().closeArray();
        }
        if (withExtendedInfo) {
            PactDslJsonBody info = p.object("extendedInfo");
            info.minArrayLike("tasksList", 1)
                    .stringType("taskId", "Take Snapshot")
                    .stringMatcher("status", "NotStarted|InProgress|Completed|Failed|Cancelled", "Completed")
                    .stringMatcher("duration", DURATION, "PT2M")
                    .closeObject().closeArray();
            info.object("propertyBag").stringType("VM Name", "testVM").closeObject();
            info.closeObject();
        }
        p.closeObject();
        return body;
    }

    /** An OperationStatus still running: no properties, Azure's year-one endTime. */
    public static PactDslJsonBody operationInProgress() {
        return new PactDslJsonBody()
                .uuid("id", "c8f1e3a2-6b4d-4e9f-a1c3-5d7e9f1b3a5c")
                .uuid("name", "c8f1e3a2-6b4d-4e9f-a1c3-5d7e9f1b3a5c")
                .stringValue("status", "InProgress")
                .stringMatcher("startTime", DATE_TIME, "2026-11-25T08:35:41.123456Z")
                .stringMatcher("endTime", "0001-01-01T00:00:00(\\.0+)?Z", "0001-01-01T00:00:00Z");
    }

    /** An OperationStatus that succeeded, carrying the job it created. */
    public static PactDslJsonBody operationSucceeded() {
        PactDslJsonBody body = new PactDslJsonBody()
                .uuid("id", "c8f1e3a2-6b4d-4e9f-a1c3-5d7e9f1b3a5c")
                .uuid("name", "c8f1e3a2-6b4d-4e9f-a1c3-5d7e9f1b3a5c")
                .stringValue("status", "Succeeded")
                .stringMatcher("startTime", DATE_TIME, "2026-11-25T08:35:41.123456Z")
                .stringMatcher("endTime", DATE_TIME, "2026-11-25T08:35:43.123456Z");
        body.object("properties")
                .stringValue("objectType", "OperationStatusJobExtendedInfo")
                .uuid("jobId", "7e0d0e41-5c2d-4b4b-9a8e-0a1f4c1d2e3f")
                .closeObject();
        return body;
    }

    /** A JobResourceList page with at least one job and a nextLink to the next page. */
    public static DslPart jobPageWithNextLink(String status) {
        PactDslJsonBody body = new PactDslJsonBody();
        PactDslJsonBody entry = body.minArrayLike("value", 1);
        fillListEntry(entry, status);
        entry.closeObject().closeArray();
        body.stringMatcher("nextLink", "https?://[^/]+/subscriptions/.+/backupJobs\\?.*(\\$|%24)[sS]kip[tT]oken=.+",
                "http://127.0.0.1:8443" + example(VAULT_PATH)
                        + "/backupJobs?api-version=2019-05-13&%24filter=status+eq+%27Completed%27&%24skiptoken=abc");
        return body;
    }

    /** A CloudError with this code. */
    public static PactDslJsonBody cloudError(String code) {
        PactDslJsonBody body = new PactDslJsonBody();
        body.object("error").stringValue("code", code).stringType("message", "The job was not found.").closeObject();
        return body;
    }

    private static void fillListEntry(PactDslJsonBody entry, String status) {
        entry.stringMatcher("id", "/[Ss]ubscriptions/.+/backupJobs/" + GUID, example(JOB_PATH))
                .uuid("name", "7e0d0e41-5c2d-4b4b-9a8e-0a1f4c1d2e3f")
                .stringValue("type", "Microsoft.RecoveryServices/vaults/backupJobs")
                .object("properties")
                .stringMatcher("jobType", JOB_TYPE, "AzureIaaSVMJob")
                .stringMatcher("operation", JOB_OPERATION, "Backup")
                .stringValue("status", status)
                .stringMatcher("startTime", DATE_TIME, "2026-11-25T08:35:41.123456Z")
                .stringMatcher("duration", DURATION, "PT20M")
                .closeObject();
    }
}
