package io.backupmock.server.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backupmock.server.BackupMockServer;
import io.backupmock.server.gateway.GatewayAccess;
import io.backupmock.server.jobs.Job;
import io.backupmock.server.jobs.JobErrorDetail;
import io.backupmock.server.jobs.JobOperation;
import io.backupmock.server.jobs.JobScript;
import io.backupmock.server.tenancy.Tenancy;
import io.backupmock.server.tenancy.Vault;
import io.backupmock.server.wire.JobRenderer;
import io.backupmock.server.wire.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EndedJobAnswersTest {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    final Vault vault = new Tenancy(BackupMockServer.defaultScenario())
            .vault("00000000-0000-0000-0000-000000000001", "rg", "vault");

    Job job() {
        return vault.startJob(JobOperation.Backup, JobScript.backup().task("Take Snapshot", Duration.ofSeconds(10))
                .task("Transfer data to vault", Duration.ofSeconds(20)).build(),
                vault.item("Azure", "IaasVMContainer;iaasvmcontainerv2;rg;vm", "VM;iaasvmcontainerv2;rg;vm", T0), T0);
    }

    @Test
    void keptBytesAreExactlyWhatAFreshRenderGivesHoweverLateTheyAreAsked() {
        EndedJobAnswers answers = new EndedJobAnswers(true);
        Job job = job();
        byte[] first = answers.answer(vault, job.at(T0.plusSeconds(30))).bodyBytes();
        for (Instant later : List.of(T0.plusSeconds(31), T0.plusSeconds(3600), T0.plus(Duration.ofDays(400)))) {
            byte[] again = answers.answer(vault, job.at(later)).bodyBytes();
            assertThat(again).as("at %s", later).isSameAs(first)
                    .isEqualTo(Json.bytes(JobRenderer.render(vault, job.at(later), true)));
        }
    }

    @Test
    void aKeptAnswerIsFoundFromAReadingAloneOnceKeptAndOnlyForTheEndItWasMadeFor() {
        EndedJobAnswers answers = new EndedJobAnswers(true);
        Job job = job();
        assertThat(answers.kept(job.read(T0.plusSeconds(10)))).as("still running").isNull();
        assertThat(answers.kept(job.read(T0.plusSeconds(30)))).as("not kept yet").isNull();
        byte[] made = answers.answer(vault, job.at(T0.plusSeconds(30))).bodyBytes();
        var found = answers.kept(job.read(T0.plusSeconds(3600)));
        assertThat(found.bodyBytes()).isSameAs(made);
        assertThat(conforms(found)).isTrue();
        assertThat(new EndedJobAnswers(false).kept(job.read(T0.plusSeconds(3600)))).as("another server's").isNull();

        Job failed = job();
        failed.fail(T0.plusSeconds(5), List.of(JobErrorDetail.of(1, "E", "m", "r")));
        byte[] failure = answers.answer(vault, failed.at(T0.plusSeconds(6))).bodyBytes();
        assertThat(answers.kept(failed.read(T0.plusSeconds(60))).bodyBytes()).isSameAs(failure)
                .isEqualTo(Json.bytes(JobRenderer.render(vault, failed.at(T0.plusSeconds(60)), true)));
    }

    @Test
    void anotherEndIsRenderedAfresh() {
        EndedJobAnswers answers = new EndedJobAnswers(false);
        Job failed = job();
        failed.fail(T0.plusSeconds(5), List.of(JobErrorDetail.of(1, "E", "m", "r")));
        byte[] bytes = answers.answer(vault, failed.at(T0.plusSeconds(60))).bodyBytes();
        assertThat(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)).contains("\"status\":\"Failed\"");
        Job other = job();
        assertThat(answers.answer(vault, other.at(T0.plusSeconds(60))).bodyBytes()).isNotEqualTo(bytes);
    }

    @Test
    void answersChecksOnceWhenCheckingIsOnAndOnlyThen() {
        Job job = job();
        assertThat(conforms(new EndedJobAnswers(true).answer(vault, job.at(T0.plusSeconds(30))))).isTrue();
        assertThat(conforms(new EndedJobAnswers(false).answer(vault, job.at(T0.plusSeconds(30))))).isFalse();
    }

    @Test
    void refusesAJobStillRunning() {
        assertThatThrownBy(() -> new EndedJobAnswers(true).answer(vault, job().at(T0.plusSeconds(29))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static boolean conforms(io.backupmock.server.gateway.ApiResponse response) {
        return GatewayAccess.conforms(response);
    }
}
