package io.backupmock.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.backupmock.server.tenancy.Tenancy;
import io.backupmock.server.tenancy.Vault;
import io.backupmock.server.tracking.AsyncOperation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A status once answered never changes, whatever order a cancel, a fault and readings arrive in. */
class JobConsistencyTest {
    private static final Instant T0 = JobTest.T0;

    private static Job job() {
        return JobTest.job(JobScript.backup().duration(Duration.ofMinutes(10)).build());
    }

    @Test
    void aCancelStampedBeforeTheEndButArrivingAfterACompletedAnswerIsRefused() {
        Job job = job();
        Instant end = T0.plus(Duration.ofMinutes(10));
        assertThat(job.at(end).status()).isEqualTo(JobStatus.Completed);
        assertThat(job.cancel(end.minusMillis(1))).isEqualTo(Job.CancelResult.ALREADY_FINISHED);
        assertThat(job.at(end).status()).as("Completed stays Completed").isEqualTo(JobStatus.Completed);
        assertThat(job.statusAt(end.plusSeconds(60))).isEqualTo(JobStatus.Completed);
    }

    @Test
    void aCancelTakesEffectNoEarlierThanTheLatestReading() {
        Job job = job();
        Instant read = T0.plus(Duration.ofMinutes(5));
        job.read(read).status();
        assertThat(job.cancel(T0.plus(Duration.ofMinutes(1)))).isEqualTo(Job.CancelResult.ACCEPTED);
        assertThat(job.cancelledAt()).isEqualTo(read.plus(JobScript.DEFAULT_CANCELLATION_TIME));
    }

    @Test
    void racingReadersAndCancelsNeverChangeAnAnsweredTerminalStatus() throws Exception {
        Instant end = T0.plus(Duration.ofMinutes(10));
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 2000; i++) {
                Job job = job();
                var ready = new java.util.concurrent.CyclicBarrier(2);
                var read = pool.submit(() -> {
                    ready.await();
                    return job.read(end).status();
                });
                var cancel = pool.submit(() -> {
                    ready.await();
                    return job.cancel(end.minusMillis(1)); // stamped before the end, may land after the read
                });
                JobStatus answered = read.get();
                Job.CancelResult result = cancel.get();
                if (answered == JobStatus.Completed) {
                    assertThat(result).isEqualTo(Job.CancelResult.ALREADY_FINISHED);
                    assertThat(job.statusAt(end.plusSeconds(3600))).isEqualTo(JobStatus.Completed);
                } else {
                    assertThat(answered).isEqualTo(JobStatus.Cancelling);
                    assertThat(result).isEqualTo(Job.CancelResult.ACCEPTED);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFaultArrivingAfterACompletedAnswerChangesNothing() {
        Job job = job();
        Instant end = T0.plus(Duration.ofMinutes(10));
        job.statusAt(end);
        assertThat(job.fail(end.minusSeconds(1), List.of())).isFalse();
        assertThat(job.at(end.plusSeconds(1)).status()).isEqualTo(JobStatus.Completed);
    }

    @Test
    void aReadingGivesTheSameStatusToTheFilterAndTheSnapshot() {
        Job job = job();
        Instant t = T0.plus(Duration.ofMinutes(2));
        Job.Reading reading = job.read(t);
        assertThat(reading.status()).isEqualTo(JobStatus.InProgress);
        job.cancel(t);
        assertThat(reading.snapshot().status()).as("read before the cancel").isEqualTo(JobStatus.InProgress);
        assertThat(job.read(t).status()).isEqualTo(JobStatus.Cancelling);
    }

    @Test
    void cancellingAgainAnswersWithTheSameOperation() {
        Tenancy tenancy = new Tenancy(new Scenario(List.of(), null));
        Vault vault = tenancy.vault("sub", "rg", "v");
        Job job = vault.startJob(JobOperation.Backup, JobScript.backup().duration(Duration.ofMinutes(10)).build(),
                null, T0);
        job.cancel(T0.plusSeconds(1));
        AsyncOperation first = vault.trackCancel(job, T0.plusSeconds(1));
        int operations = vault.operations().size();
        for (int i = 0; i < 1000; i++) {
            assertThat(job.cancel(T0.plusSeconds(1))).isEqualTo(Job.CancelResult.ALREADY_CANCELLING);
            assertThat(vault.trackCancel(job, T0.plusSeconds(1)).id()).isEqualTo(first.id());
        }
        assertThat(vault.operations()).hasSize(operations);
    }
}
