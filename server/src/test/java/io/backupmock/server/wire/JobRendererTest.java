package io.backupmock.server.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backupmock.contracts.Schemas;
import io.backupmock.server.BackupMockServer;
import io.backupmock.server.jobs.BackupManagementType;
import io.backupmock.server.jobs.Job;
import io.backupmock.server.jobs.JobErrorDetail;
import io.backupmock.server.jobs.JobOperation;
import io.backupmock.server.jobs.JobScript;
import io.backupmock.server.jobs.JobSnapshot;
import io.backupmock.server.jobs.JobSubject;
import io.backupmock.server.jobs.JobType;
import io.backupmock.server.tenancy.Tenancy;
import io.backupmock.server.tenancy.Vault;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The streamed JobResource is byte for byte what its tree gives, for every job type, status and part. */
class JobRendererTest {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00.123456789Z");
    final Vault vault = new Tenancy(BackupMockServer.defaultScenario())
            .vault("00000000-0000-0000-0000-000000000001", "rg", "vault");

    /** Every job type, on a subject with and without container and workload, with and without a property bag. */
    List<Job> jobs() {
        List<Job> out = new ArrayList<>();
        int n = 0;
        for (JobType type : JobType.values()) {
            for (boolean bare : new boolean[] {false, true}) {
                JobSubject subject = bare
                        ? new JobSubject(null, null, type.managementType(), null, null)
                        : new JobSubject("vm\"1\u00e9", "iaasvmcontainerv2;rg;vm1", type.managementType(), "VM", "k" + n);
                JobScript.Builder script = JobScript.backup().jobType(type)
                        .task("Take Snapshot", Duration.ofMillis(10_500))
                        .task("Transfer data to vault", Duration.ofSeconds(20));
                if (!bare) {
                    script.property("VM Name", "from the bag").property("Backup Size", "10 MB");
                }
                out.add(new Job("job-" + n++, JobOperation.Backup, type, subject, script.build(), T0));
            }
        }
        Job failed = new Job("failed", JobOperation.Backup, JobType.AzureIaaSVMJob,
                new JobSubject("vm", "c", BackupManagementType.AzureIaasVM, "VM", null),
                JobScript.backup().task("Take Snapshot", Duration.ofSeconds(30)).build(), T0);
        failed.fail(T0.plusSeconds(5), List.of(JobErrorDetail.of(1, "Title", "went wrong", "retry", "call us"),
                new JobErrorDetail(null, null, null, List.of())));
        out.add(failed);
        for (JobType type : List.of(JobType.DpmJob, JobType.MabJob, JobType.AzureWorkloadJob)) {
            Job f = new Job("failed-" + type, JobOperation.Restore, type,
                    new JobSubject("x", "a;b", type.managementType(), "SQLDataBase", null),
                    JobScript.restore().jobType(type).duration(Duration.ofSeconds(30)).build(), T0);
            f.fail(T0.plusSeconds(1), List.of(JobErrorDetail.of(7, "T", "s", "r")));
            out.add(f);
        }
        return out;
    }

    @Test
    void streamedBytesAreWhatTheTreeGivesForEveryTypeStatusAndPart() {
        List<Instant> times = List.of(T0, T0.plusMillis(1), T0.plusMillis(5_250), T0.plusSeconds(12), T0.plusSeconds(30),
                T0.plusSeconds(31), T0.plus(Duration.ofDays(400)));
        int compared = 0;
        for (Job job : jobs()) {
            for (Instant t : times) {
                JobSnapshot snapshot = job.at(t);
                for (boolean extended : new boolean[] {true, false}) {
                    ObjectNode tree = JobRenderer.render(vault, snapshot, extended);
                    assertThat(text(JobRenderer.bytes(vault, snapshot, extended)))
                            .as("%s at %s, extendedInfo %s", job, t, extended).isEqualTo(text(Json.bytes(tree)));
                    if (extended && snapshot.job().subject().entityFriendlyName() != null) {
                        assertThat(Schemas.JOB_RESOURCE.validate(tree)).as("%s at %s", job, t).isEmpty();
                    }
                    compared++;
                }
            }
        }
        assertThat(compared).isEqualTo(jobs().size() * times.size() * 2);
    }

    @Test
    void aStreamedPageIsWhatItsTreeGivesWithAndWithoutANextLink() {
        List<JobSnapshot> page = jobs().stream().map(j -> j.at(T0.plusSeconds(12))).toList();
        for (String next : new String[] {null, "https://h/x?api-version=1&%24skiptoken=a%2Bb"}) {
            ObjectNode body = Json.object();
            ArrayNode value = body.putArray("value");
            page.forEach(job -> value.add(JobRenderer.render(vault, job, false)));
            if (next != null) {
                body.put("nextLink", next);
            }
            assertThat(text(JobRenderer.listBytes(vault, page, next))).isEqualTo(text(Json.bytes(body)));
        }
        assertThat(text(JobRenderer.listBytes(vault, List.of(), null))).isEqualTo("{\"value\":[]}");
    }

    @Test
    void aRunningJobsBytesChangeWithItsProgressAndOnlyThen() {
        Job job = jobs().get(0);
        byte[] a = JobRenderer.bytes(vault, job.at(T0.plusSeconds(3)), true);
        assertThat(JobRenderer.bytes(vault, job.at(T0.plusSeconds(3)), true)).isEqualTo(a).isNotSameAs(a);
        assertThat(JobRenderer.bytes(vault, job.at(T0.plusSeconds(4)), true)).isNotEqualTo(a);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
