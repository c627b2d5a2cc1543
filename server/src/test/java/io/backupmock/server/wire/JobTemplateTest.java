package io.backupmock.server.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.backupmock.server.jobs.Job;
import io.backupmock.server.jobs.JobOperation;
import io.backupmock.server.jobs.JobScript;
import io.backupmock.server.jobs.JobSnapshot;
import io.backupmock.server.jobs.JobSubject;
import io.backupmock.server.jobs.JobType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A template filled in is byte for byte what a fresh render gives, at every instant of a job's life. */
class JobTemplateTest {
    static final Instant T0 = JobRendererTest.T0;
    final JobRendererTest renderer = new JobRendererTest();

    /** Every job of the renderer's test, and jobs cancelled, cancelled too late, and with a task of no time. */
    List<Job> jobs() {
        List<Job> out = new ArrayList<>(renderer.jobs());
        for (boolean tooLate : new boolean[] {false, true}) {
            JobScript.Builder script = JobScript.backup().task("Take Snapshot", Duration.ofSeconds(10))
                    .task("Transfer data to vault", Duration.ofSeconds(20)).cancellationTime(Duration.ofSeconds(3));
            if (tooLate) {
                script.cancelArrivesTooLate();
            }
            Job cancelled = new Job("cancelled-" + tooLate, JobOperation.Backup, JobType.AzureIaaSVMJob,
                    new JobSubject("vm", "iaasvmcontainerv2;rg;vm", JobType.AzureIaaSVMJob.managementType(), "VM", null),
                    script.build(), T0);
            cancelled.cancel(T0.plusMillis(12_345));
            out.add(cancelled);
        }
        out.add(new Job("instant-task", JobOperation.Backup, JobType.AzureIaaSVMJobV2,
                new JobSubject("vm", "c", JobType.AzureIaaSVMJobV2.managementType(), "VM", null),
                JobScript.backup().task("Take Snapshot", Duration.ZERO).task("Transfer data to vault", Duration.ofSeconds(2))
                        .build(), T0));
        return out;
    }

    /** Before the start, every quarter second through the job's life and past its end, and far later. */
    static List<Instant> instants() {
        List<Instant> out = new ArrayList<>();
        out.add(T0.minusSeconds(1));
        for (long ms = 0; ms <= 36_000; ms += 250) {
            out.add(T0.plusMillis(ms));
            out.add(T0.plusMillis(ms).plusNanos(1_234_567));
        }
        out.add(T0.plus(Duration.ofDays(400)));
        return out;
    }

    @Test
    void aTemplateKeptThroughAJobsLifeGivesWhatAFreshRenderGives() {
        int compared = 0;
        int made = 0;
        for (Job job : jobs()) {
            for (boolean extended : new boolean[] {true, false}) {
                JobTemplate template = null;
                for (Instant t : instants()) {
                    JobSnapshot snapshot = job.at(t);
                    if (template == null || !template.fits(snapshot)) {
                        template = JobTemplate.of(renderer.vault, snapshot, extended);
                        made++;
                    }
                    assertThat(text(template.bytes(snapshot))).as("%s at %s, extendedInfo %s", job, t, extended)
                            .isEqualTo(text(JobRenderer.bytes(renderer.vault, snapshot, extended)));
                    compared++;
                }
            }
        }
        // One template per phase, not per instant: a few per job, however many times it is asked.
        assertThat(compared).isEqualTo(jobs().size() * 2 * instants().size());
        assertThat(made).isLessThan(jobs().size() * 2 * 8);
    }

    @Test
    void aTemplateFitsItsPhaseAndNoOther() {
        Job job = renderer.jobs().get(0); // tasks of 10.5 s and 20 s
        JobTemplate running = JobTemplate.of(renderer.vault, job.at(T0.plusSeconds(1)), true);
        assertThat(running.fits(job.at(T0.plusSeconds(10)))).isTrue();
        assertThat(running.fits(job.at(T0.plusMillis(10_500)))).as("the second task started").isFalse();
        assertThat(running.fits(job.at(T0.plusSeconds(31)))).as("the job ended").isFalse();
        assertThat(running.fits(renderer.jobs().get(1).at(T0.plusSeconds(1)))).as("another job").isFalse();
    }

    @Test
    void aPageOfTemplatesIsWhatTheStreamedPageGives() {
        List<Job> jobs = jobs();
        Map<Job, JobTemplate> kept = new HashMap<>();
        for (Instant t : List.of(T0.plusSeconds(1), T0.plusMillis(12_001), T0.plusSeconds(40))) {
            List<JobSnapshot> page = jobs.stream().map(j -> j.at(t)).toList();
            List<JobTemplate> templates = new ArrayList<>();
            for (JobSnapshot job : page) {
                JobTemplate template = kept.get(job.job());
                if (template == null || !template.fits(job)) {
                    template = JobTemplate.of(renderer.vault, job, false);
                    kept.put(job.job(), template);
                }
                templates.add(template);
            }
            for (String next : new String[] {null, "https://h/x?api-version=1&%24skiptoken=a%2Bb\"\\\u00e9"}) {
                assertThat(text(JobTemplate.page(templates, page, next))).as("at %s, nextLink %s", t, next)
                        .isEqualTo(text(JobRenderer.listBytes(renderer.vault, page, next)));
            }
        }
        assertThat(text(JobTemplate.page(List.of(), List.of(), null))).isEqualTo("{\"value\":[]}");
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
