package io.backupmock.server.http;

import static io.backupmock.server.http.TestEmulator.newSubscription;
import static io.backupmock.server.http.TestEmulator.vaultPath;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.backupmock.server.http.TestEmulator.Reply;
import io.backupmock.server.jobs.Job;
import io.backupmock.server.jobs.JobErrorDetail;
import io.backupmock.server.jobs.JobRule;
import io.backupmock.server.jobs.JobScript;
import io.backupmock.server.tenancy.Vault;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobFaultsHttpTest {
    @Test
    void aRunningJobCanBeFailedWithErrorDetails() {
        try (TestEmulator emulator = new TestEmulator()) {
            String sub = newSubscription();
            String jobId = emulator.backupJob(sub);
            Vault vault = emulator.server.emulator().tenancy().vault(sub, "testVaultRG", "testVault");
            Job job = vault.jobs().find(jobId);
            emulator.clock.advance(Duration.ofSeconds(12));
            assertThat(job.fail(emulator.clock.instant(), List.of(JobErrorDetail.of(400050, "UserErrorVmProvisioningStateFailed",
                    "The VM is in a failed state.")))).isTrue();
            JsonNode p = emulator.get(vaultPath(sub) + "/backupJobs/" + jobId).json().get("properties");
            assertThat(p.get("status").asText()).isEqualTo("Failed");
            assertThat(p.at("/errorDetails/0/errorCode").asInt()).isEqualTo(400050);
            assertThat(p.at("/extendedInfo/tasksList/0/status").asText()).isEqualTo("Completed");
            assertThat(p.at("/extendedInfo/tasksList/1/status").asText()).isEqualTo("Failed");
            emulator.clock.advance(Duration.ofMinutes(5));
            assertThat(emulator.get(vaultPath(sub) + "/backupJobs/" + jobId).json().at("/properties/status").asText())
                    .as("stays failed").isEqualTo("Failed");
            assertThat(job.fail(emulator.clock.instant(), List.of())).as("a finished job cannot fail").isFalse();
        }
    }

    @Test
    void aCancelArrivingAsTheJobCompletesIsAcceptedButTheJobCompletes() {
        try (TestEmulator emulator = new TestEmulator()) {
            String sub = newSubscription();
            emulator.server.emulator().tenancy().vault(sub, "testVaultRG", "testVault")
                    .queueNextJobs(List.of(JobScript.backup().duration(Duration.ofSeconds(30)).cancelArrivesTooLate().build()));
            String jobId = emulator.backupJob(sub);
            Reply accepted = emulator.send("POST", vaultPath(sub) + "/backupJobs/" + jobId + "/cancel", null);
            assertThat(accepted.status()).isEqualTo(202);
            String location = accepted.header("Location");
            assertThat(emulator.get(location).status()).isEqualTo(202);
            emulator.clock.advance(Duration.ofSeconds(30));
            assertThat(emulator.get(vaultPath(sub) + "/backupJobs/" + jobId).json().at("/properties/status").asText())
                    .isEqualTo("Completed");
            Reply result = emulator.get(location);
            assertThat(result.status()).isEqualTo(400);
            assertThat(result.errorCode()).isEqualTo("BMSUserErrorJobNotCancellable");
        }
    }

    @Test
    void rulesApplyToEveryMatchingJobAndAreNotUsedUp() {
        try (TestEmulator emulator = new TestEmulator()) {
            String sub = newSubscription();
            emulator.server.emulator().tenancy().addRule(new JobRule(new JobRule.Match(null, "testVaultRG/testVault",
                    null, null), JobScript.backup().duration(Duration.ofMinutes(7)).fails(
                    JobErrorDetail.of(1, "T", "broken")).build()));
            for (int i = 0; i < 2; i++) {
                String jobId = emulator.backupJob(sub);
                emulator.clock.advance(Duration.ofMinutes(7));
                assertThat(emulator.get(vaultPath(sub) + "/backupJobs/" + jobId).json().at("/properties/status").asText())
                        .isEqualTo("Failed");
            }
            emulator.server.emulator().tenancy().clearRules();
        }
    }
}
