package io.backupmock.testkit;

import io.backupmock.server.jobs.Job;
import io.backupmock.server.jobs.JobErrorDetail;
import io.backupmock.server.jobs.JobOperation;
import io.backupmock.server.jobs.JobScript;
import io.backupmock.server.jobs.JobSnapshot;
import io.backupmock.server.tenancy.ProtectedItem;
import io.backupmock.server.tenancy.Vault;
import java.util.ArrayList;
import java.util.List;

/** A vault of the test's subscription: script its next jobs, create jobs directly, look at them. */
public final class TestVault {
    private final BackupMock mock;
    private final Vault vault;

    TestVault(BackupMock mock, Vault vault) {
        this.mock = mock;
        this.vault = vault;
    }

    /** ARM path of the vault, from {@code /subscriptions/…}. */
    public String path() {
        return vault.path();
    }

    public String name() {
        return vault.name();
    }

    /** The IaaS VM {@code vmName} of resource group {@code resourceGroup}, as a protected item of this vault. */
    public TestItem vm(String resourceGroup, String vmName) {
        return new TestItem(this, "Azure", "IaasVMContainer;iaasvmcontainerv2;" + resourceGroup + ";" + vmName,
                "VM;iaasvmcontainerv2;" + resourceGroup + ";" + vmName);
    }

    /** The walkthrough's VM: {@code testVM} in {@code testRG}. */
    public TestItem vm() {
        return vm("testRG", "testVM");
    }

    /**
     * The scripts the next jobs triggered in this vault follow, in order; a script naming an
     * operation is used by the next trigger of that operation. Unscripted jobs follow the defaults.
     */
    public TestVault nextJobs(JobScript... scripts) {
        vault.queueNextJobs(List.of(scripts));
        return this;
    }

    /** {@link #nextJobs(JobScript...)} from builders, e.g. {@code nextJobs(JobScript.backup().fails(error))}. */
    public TestVault nextJobs(JobScript.Builder... scripts) {
        List<JobScript> built = new ArrayList<>(scripts.length);
        for (JobScript.Builder b : scripts) {
            built.add(b.build());
        }
        vault.queueNextJobs(built);
        return this;
    }

    /** Creates a job on {@code item} directly, starting now, without a trigger; returns its id. */
    public String createJob(TestItem item, JobScript script) {
        ProtectedItem protectedItem = item.model(mock.clock().instant());
        JobOperation operation = script.operation() != null ? script.operation() : JobOperation.Backup;
        return vault.startJob(operation, script, protectedItem, mock.clock().instant()).id();
    }

    /**
     * Fails a running job now, with these errors, as a fault: the task running then fails.
     *
     * @throws IllegalStateException if the job is not running
     */
    public TestVault failJob(String jobId, JobErrorDetail... errors) {
        Job job = find(jobId);
        if (!job.fail(mock.clock().instant(), List.of(errors))) {
            throw new IllegalStateException("job " + jobId + " is " + job.at(mock.clock().instant()).status()
                    + "; only a job in progress can be failed");
        }
        return this;
    }

    /** The job as it is now on the test's clock; fails if there is no such job. */
    public JobSnapshot job(String jobId) {
        return find(jobId).at(mock.clock().instant());
    }

    private Job find(String jobId) {
        Job job = vault.jobs().find(jobId);
        if (job == null) {
            throw new IllegalArgumentException("vault " + vault.name() + " has no job " + jobId);
        }
        return job;
    }

    /** Every job of the vault, newest first, as they are now. */
    public List<JobSnapshot> jobs() {
        List<JobSnapshot> out = new ArrayList<>();
        for (Job job : vault.jobs().all()) {
            out.add(job.at(mock.clock().instant()));
        }
        return out;
    }

    Vault model() {
        return vault;
    }
}
