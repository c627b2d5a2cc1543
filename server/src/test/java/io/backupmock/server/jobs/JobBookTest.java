package io.backupmock.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JobBookTest {
    static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");
    JobBook book;
    List<Job> jobs;

    @BeforeEach
    void fiveJobsAMinuteApart() {
        book = new JobBook();
        jobs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            JobOperation op = i % 2 == 0 ? JobOperation.Backup : JobOperation.Restore;
            Job job = new Job("job-" + i, op, JobType.AzureIaaSVMJob, JobTest.VM,
                    JobScript.builder(op).duration(Duration.ofSeconds(30)).build(), T0.plus(Duration.ofMinutes(i)));
            book.add(job);
            jobs.add(job);
        }
    }

    static List<String> ids(Page<JobSnapshot> page) {
        return page.items().stream().map(JobSnapshot::id).toList();
    }

    @Test
    void listsNewestFirst() {
        assertThat(ids(book.list(JobFilter.NONE, T0.plusSeconds(600), null, 10)))
                .containsExactly("job-4", "job-3", "job-2", "job-1", "job-0");
    }

    @Test
    void pagesFollowTheirTokensToTheEnd() {
        Instant now = T0.plusSeconds(600);
        Page<JobSnapshot> first = book.list(JobFilter.NONE, now, null, 2);
        assertThat(ids(first)).containsExactly("job-4", "job-3");
        Page<JobSnapshot> second = book.list(JobFilter.NONE, now, PageToken.decode(first.next().encode()), 2);
        assertThat(ids(second)).containsExactly("job-2", "job-1");
        Page<JobSnapshot> last = book.list(JobFilter.NONE, now, second.next(), 2);
        assertThat(ids(last)).containsExactly("job-0");
        assertThat(last.next()).isNull();
    }

    @Test
    void aFullLastPageHasNoNextLink() {
        assertThat(book.list(JobFilter.NONE, T0.plusSeconds(600), null, 5).next()).isNull();
    }

    @Test
    void jobsAddedBetweenPagesDoNotShiftTheNextPage() {
        Instant now = T0.plusSeconds(600);
        Page<JobSnapshot> first = book.list(JobFilter.NONE, now, null, 2);
        book.add(new Job("job-new", JobOperation.Backup, JobType.AzureIaaSVMJob, JobTest.VM,
                JobScript.builder(JobOperation.Backup).build(), now));
        assertThat(ids(book.list(JobFilter.NONE, now, first.next(), 2))).containsExactly("job-2", "job-1");
    }

    @Test
    void filtersByOperationStatusIdAndWindow() {
        Instant now = T0.plusSeconds(600);
        assertThat(ids(book.list(JobFilter.parse("operation eq 'Restore'"), now, null, 10)))
                .containsExactly("job-3", "job-1");
        assertThat(ids(book.list(JobFilter.parse("status eq 'InProgress'"), T0.plusSeconds(125), null, 10)))
                .containsExactly("job-2");
        assertThat(ids(book.list(JobFilter.parse("jobId eq 'JOB-3'"), now, null, 10))).containsExactly("job-3");
        JobFilter window = JobFilter.parse("startTime eq '2026-11-25 08:01:00 AM' and endTime eq "
                + "'2026-11-25 08:03:00 AM'");
        assertThat(ids(book.list(window, T0.plusSeconds(600), null, 10)))
                .as("both ends inclusive").containsExactly("job-3", "job-2", "job-1");
        assertThat(ids(book.list(window, T0.plusSeconds(600), null, 2))).containsExactly("job-3", "job-2");
        Page<JobSnapshot> windowFirst = book.list(window, T0.plusSeconds(600), null, 2);
        assertThat(ids(book.list(window, T0.plusSeconds(600), windowFirst.next(), 2))).containsExactly("job-1");
    }

    @Test
    void aLongJobStartedLongAgoIsStillFoundInProgress() {
        Job longOne = new Job("long", JobOperation.Backup, JobType.AzureIaaSVMJob, JobTest.VM,
                JobScript.builder(JobOperation.Backup).duration(Duration.ofHours(10)).build(), T0.minus(Duration.ofHours(9)));
        book.add(longOne);
        assertThat(ids(book.list(JobFilter.parse("status eq 'InProgress'"), T0.plusSeconds(600), null, 10)))
                .containsExactly("long");
        assertThat(ids(book.list(JobFilter.parse("jobId eq 'LONG' and status eq 'InProgress'"), T0.plusSeconds(600),
                null, 10))).containsExactly("long");
        assertThat(ids(book.list(JobFilter.parse("jobId eq 'long' and operation eq 'Restore'"), T0.plusSeconds(600),
                null, 10))).isEmpty();
    }

    @Test
    void jobsThatStartLaterAreNotListedYet() {
        assertThat(ids(book.list(JobFilter.NONE, T0.plusSeconds(90), null, 10))).containsExactly("job-1", "job-0");
    }

    @Test
    void findsByIdCaseInsensitively() {
        assertThat(book.find("JOB-2")).isSameAs(jobs.get(2));
        assertThat(book.find("nope")).isNull();
        assertThatThrownBy(() -> book.add(jobs.get(0))).hasMessageContaining("already exists");
    }

    @Test
    void badTokensAreRefused() {
        assertThatThrownBy(() -> PageToken.decode("not-a-token")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not valid");
    }
}
