package io.backupmock.server.jobs;

import java.util.Locale;
import java.util.Objects;

/**
 * A standing rule: jobs that match get this script (unlike a vault's queued next jobs, a rule is
 * not used up). Rules are tried in order, after a vault's queue and before the scenario's defaults.
 *
 * @param match  which jobs; every field given must match
 * @param script the script they follow
 */
public record JobRule(Match match, JobScript script) {

    public JobRule {
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(script, "script");
    }

    /**
     * @param operation the job's operation (null: any)
     * @param vault     the vault's name, or {@code resourceGroup/name} (null: any)
     * @param item      the protected item's name, e.g. {@code VM;iaasvmcontainerv2;testRG;testVM} (null: any)
     * @param jobType   the job's type, e.g. {@code AzureStorageJob} (null: any)
     */
    public record Match(JobOperation operation, String vault, String item, JobType jobType) {
        public static final Match ANY = new Match(null, null, null, null);

        boolean matches(JobOperation op, String resourceGroup, String vaultName, String itemName, JobType type) {
            return (operation == null || operation == op)
                    && (vault == null || vault.equalsIgnoreCase(vaultName)
                        || vault.toLowerCase(Locale.ROOT).equals((resourceGroup + "/" + vaultName).toLowerCase(Locale.ROOT)))
                    && (item == null || item.equalsIgnoreCase(itemName))
                    && (jobType == null || jobType == type);
        }
    }

    /** Whether a job of {@code op} and {@code type} on {@code itemName} (null: none) in this vault follows the rule. */
    public boolean appliesTo(JobOperation op, String resourceGroup, String vaultName, String itemName, JobType type) {
        return match.matches(op, resourceGroup, vaultName, itemName, type);
    }
}
