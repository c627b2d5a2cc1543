package io.backupmock.testkit;

import static org.assertj.core.api.Assertions.assertThat;


import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@BackupMockTest(clockStart = "2026-01-01T00:00:00Z")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BackupMockExtensionTest {
    static final Set<String> SUBSCRIPTIONS = new HashSet<>();
    static final Set<URI> SERVERS = new HashSet<>();
    BackupMock fromBeforeEach;

    @BeforeEach
    void remember(BackupMock azure) {
        fromBeforeEach = azure;
        SUBSCRIPTIONS.add(azure.subscriptionId());
        SERVERS.add(azure.baseUri());
    }

    @AfterAll
    static void oneServerManySubscriptions() {
        assertThat(SERVERS).hasSize(1);
        assertThat(SUBSCRIPTIONS).hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    @Order(1)
    void eachTestHasItsOwnSubscriptionAndSeesOnlyItsJobs(BackupMock azure) {
        assertThat(azure).isSameAs(fromBeforeEach);
        assertThat(azure.vault().jobs()).isEmpty();
        Calls.triggerBackup(azure, azure.vault().vm());
        assertThat(azure.vault().jobs()).hasSize(1);
    }

    @Test
    @Order(2)
    void theNextTestStartsEmpty(BackupMock azure) {
        assertThat(azure.vault().jobs()).as("the previous test's job is not here").isEmpty();
        assertThat(azure.journal().requests()).isEmpty();
        assertThat(azure.server().emulator().journal().all()).as("earlier tests' subscriptions were forgotten")
                .allSatisfy(r -> assertThat(r.subscriptionId()).isEqualTo(azure.subscriptionId()));
    }

    @Test
    @Order(3)
    void servesHttpsTrustedThroughTheHandle(BackupMock azure) {
        assertThat(azure.baseUri().getScheme()).isEqualTo("https");
        assertThat(azure.certificatePem()).startsWith("-----BEGIN CERTIFICATE-----");
        HttpResponse<String> item = Calls.get(azure, azure.vault().vm().path());
        assertThat(item.statusCode()).isEqualTo(200);
        assertThat(azure.token().split("\\.", -1)).hasSize(3);
    }

    @Test
    @Order(4)
    void theClockStartsWhereTheAnnotationSaysAndMovesOnlyWhenTold(BackupMock azure) {
        assertThat(azure.clock().instant()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        String jobId = azure.vault().createJob(azure.vault().vm(), JobScript.backup()
                .task("Take Snapshot", Duration.ofMinutes(1)).build());
        assertThat(azure.vault().job(jobId).status()).isEqualTo(JobStatus.InProgress);
        azure.clock().advance(Duration.ofMinutes(1));
        assertThat(azure.vault().job(jobId).status()).isEqualTo(JobStatus.Completed);
        assertThat(Calls.get(azure, azure.vault().path() + "/backupJobs/" + jobId).body())
                .contains("\"status\":\"Completed\"");
    }

    @Test
    @Order(5)
    void scriptedNextJobsApplyToTriggersInOrder(BackupMock azure) {
        azure.vault().nextJobs(JobScript.backup().duration(Duration.ofHours(1)).cancellable(false),
                JobScript.restore().duration(Duration.ofMinutes(5)));
        Calls.triggerBackup(azure, azure.vault().vm());
        assertThat(azure.vault().jobs()).singleElement().satisfies(job -> {
            assertThat(job.operation()).isEqualTo("Backup");
            assertThat(job.cancellable()).isFalse();
            azure.clock().advance(Duration.ofHours(1));
            assertThat(azure.vault().job(job.id()).status()).isEqualTo(JobStatus.Completed);
            assertThat(azure.vault().job(job.id()).duration()).isEqualTo(Duration.ofHours(1));
        });
    }

    @Test
    @Order(6)
    void resetForgetsTheSubscriptionButKeepsTheClock(BackupMock azure) {
        Calls.triggerBackup(azure, azure.vault().vm());
        azure.clock().advance(Duration.ofMinutes(3));
        azure.reset();
        assertThat(azure.vault().jobs()).isEmpty();
        assertThat(azure.journal().requests()).isEmpty();
        assertThat(azure.clock().instant()).isEqualTo(Instant.parse("2026-01-01T00:03:00Z"));
        Calls.triggerBackup(azure, azure.vault().vm());
        assertThat(azure.journal().requests()).singleElement()
                .satisfies(r -> assertThat(r.at()).isEqualTo(Instant.parse("2026-01-01T00:03:00Z")));
    }

    @Nested
    class InANestedClass {
        @Test
        void theOuterServerIsReused(BackupMock azure) {
            assertThat(SERVERS).contains(azure.baseUri());
            assertThat(azure.vault().jobs()).isEmpty();
        }
    }
}
