package io.backupmock.testkit;

import io.backupmock.server.config.EmulatorConfig.ItemConfig;
import io.backupmock.server.control.Control;
import io.backupmock.server.jobs.Job;
import io.backupmock.server.tenancy.Vault;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A vault of the test's subscription: script its next jobs, create jobs directly, look at them. */
public final class TestVault {
    private final Control control;
    private final Vault vault;

    TestVault(Control control, Vault vault) {
        this.control = control;
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
        return new TestItem(this, ItemConfig.vm(resourceGroup, vmName));
    }

    /**
     * Any protected item of this vault by its container and name as Azure writes them, e.g. a file
     * share: {@code item("StorageContainer;Storage;rg;account", "AzureFileShare;share")}. Its name
     * decides the workload (and the job type); one Azure Backup does not use is refused when used.
     */
    public TestItem item(String containerName, String itemName) {
        return new TestItem(this, ItemConfig.of(containerName, itemName));
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
        control.queueNextJobs(vault, java.util.Arrays.stream(scripts).map(JobScript::model).toList());
        return this;
    }

    /** {@link #nextJobs(JobScript...)} from builders, e.g. {@code nextJobs(JobScript.backup().fails(error))}. */
    public TestVault nextJobs(JobScript.Builder... scripts) {
        List<io.backupmock.server.jobs.JobScript> built = new ArrayList<>(scripts.length);
        for (JobScript.Builder b : scripts) {
            built.add(b.build().model());
        }
        control.queueNextJobs(vault, built);
        return this;
    }

    /** Creates a job on {@code item} directly, starting now, without a trigger; returns its id. */
    public String createJob(TestItem item, JobScript script) {
        return control.createJob(vault, item.config(), script.model()).id();
    }

    /**
     * Fails a running job now, with these errors, as a fault: the task running then fails.
     *
     * @throws IllegalArgumentException if there is no such job or it is not running
     */
    public TestVault failJob(String jobId, JobErrorDetail... errors) {
        control.failJob(vault, jobId, JobErrorDetail.models(errors));
        return this;
    }

    /** The job as it is now on the test's clock; fails if there is no such job. */
    public TestJob job(String jobId) {
        return new TestJob(vault, control.job(vault, jobId).at(now()));
    }

    /** Every job of the vault, newest first, as they are now. */
    public List<TestJob> jobs() {
        List<TestJob> out = new ArrayList<>();
        for (Job job : vault.jobs().all()) {
            out.add(new TestJob(vault, job.at(now())));
        }
        return out;
    }

    private Instant now() {
        return control.clock(vault.subscriptionId()).instant();
    }

    Vault model() {
        return vault;
    }
}
