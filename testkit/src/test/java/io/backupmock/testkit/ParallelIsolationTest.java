package io.backupmock.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Tests of one class run at the same time on one server: each drives its own subscription and its
 * own clock, and none sees another's jobs. The barrier proves they overlap: run one at a time, the
 * first would wait for a partner that never comes and fail.
 */
@BackupMockTest
@Execution(ExecutionMode.CONCURRENT)
class ParallelIsolationTest {
    static final CyclicBarrier TOGETHER = new CyclicBarrier(2);
    static final Set<URI> SERVERS = ConcurrentHashMap.newKeySet();
    static final Set<String> THREADS = ConcurrentHashMap.newKeySet();

    @RepeatedTest(4)
    void runsBesideAnotherTestWithoutSeeingIt(BackupMock azure) throws Exception {
        SERVERS.add(azure.baseUri());
        THREADS.add(Thread.currentThread().getName());
        TOGETHER.await(20, TimeUnit.SECONDS);

        Calls.triggerBackup(azure, azure.vault().vm());
        azure.clock().advance(Duration.ofSeconds(2));
        String jobId = azure.vault().jobs().get(0).id();
        azure.clock().advance(Duration.ofMinutes(1));
        assertThat(azure.vault().jobs()).singleElement()
                .satisfies(job -> assertThat(job.status()).isEqualTo(JobStatus.Completed));
        assertThat(Calls.get(azure, azure.vault().path() + "/backupJobs/" + jobId).statusCode()).isEqualTo(200);
        assertThat(azure.journal().requests()).hasSize(2);
    }

    @AfterAll
    static void oneServerSeveralThreads() {
        assertThat(SERVERS).hasSize(1);
        assertThat(THREADS).hasSizeGreaterThan(1);
    }
}
