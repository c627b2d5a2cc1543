package io.backupmock.server.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backupmock.server.BackupMockServer;
import io.backupmock.server.state.Emulator;
import io.backupmock.server.state.Settings;
import io.backupmock.server.clock.VirtualClock;
import io.backupmock.server.config.ConfigLoader;
import io.backupmock.server.config.Declarations;
import io.backupmock.server.config.EmulatorConfig;
import io.backupmock.server.config.EmulatorConfig.ItemConfig;
import io.backupmock.server.config.EmulatorConfig.VaultConfig;
import io.backupmock.server.faults.Fault;
import io.backupmock.server.jobs.JobScript;
import io.backupmock.server.jobs.JobStatus;
import io.backupmock.server.tenancy.Tenancy;
import io.backupmock.server.tenancy.Vault;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ControlTest {
    static final String SUB = "00000000-0000-0000-0000-0000000000c1";
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final VaultConfig BAD_VAULT = new VaultConfig(SUB, "rg", "vault",
            List.of(ItemConfig.vm("rg", "vm"), ItemConfig.of("c", "Widget;x")), List.of());

    final Control control = new Control(new Emulator(new Tenancy(BackupMockServer.defaultScenario()),
            new VirtualClock(T0), Settings.DEFAULTS));

    @Test
    void oneMistakeGetsOneMessageWhateverTheDoor() throws Exception {
        String expected = "items[1].name: 'Widget;x' is not a protected item name Azure Backup uses";
        // Java
        assertThatThrownBy(() -> control.declareVault(BAD_VAULT)).isInstanceOf(ControlException.class)
                .hasMessageStartingWith(expected);
        // a configuration file, declared at start
        byte[] file = ("{\"vaults\": [{\"subscriptionId\": \"" + SUB + "\", \"resourceGroup\": \"rg\", \"name\": "
                + "\"vault\", \"items\": [{\"vm\": \"rg/vm\"}, {\"container\": \"c\", \"name\": \"Widget;x\"}]}]}")
                .getBytes(StandardCharsets.UTF_8);
        EmulatorConfig config = ConfigLoader.readJson(file, EmulatorConfig.class, "config");
        assertThatThrownBy(() -> BackupMockServer.builder().config(config).noHttps().httpPort(0).start())
                .isInstanceOf(ControlException.class).hasMessageStartingWith("vaults[0]." + expected);
        // the admin API
        try (BackupMockServer server = BackupMockServer.builder().noHttps().httpPort(0).start()) {
            HttpResponse<String> reply = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(server.baseUri() + "/backupmock/admin/vaults")).POST(HttpRequest.BodyPublishers.ofString(
                    "{\"subscriptionId\": \"" + SUB + "\", \"resourceGroup\": \"rg\", \"name\": \"vault\", \"items\": "
                            + "[{\"vm\": \"rg/vm\"}, {\"container\": \"c\", \"name\": \"Widget;x\"}]}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(reply.statusCode()).isEqualTo(400);
            assertThat(reply.body()).contains("\"message\":\"" + expected);
            assertThat(server.emulator().tenancy().vaults(SUB)).as("refused: nothing declared").isEmpty();
        }
    }

    @Test
    void aRefusedDeclarationChangesNothing() {
        assertThatThrownBy(() -> control.declare(new Declarations(List.of(
                new VaultConfig(SUB, "rg", "good", List.of(ItemConfig.vm("rg", "vm")), List.of()), BAD_VAULT),
                List.of(), List.of(Fault.internalError(SUB, 1))))).hasMessageStartingWith("vaults[1].items[1].name");
        assertThat(control.emulator().tenancy().vaults(SUB)).isEmpty();
        assertThat(control.emulator().faults().pending()).isEmpty();
    }

    @Test
    void resetDeclaresWhatTheStartDeclaredAgain() {
        control.declare(new Declarations(List.of(new VaultConfig(SUB, "rg", "vault", List.of(ItemConfig.vm("rg", "vm")),
                List.of(JobScript.backup().duration(Duration.ofHours(2)).build()))), List.of(), List.of()));
        Vault vault = control.existingVault(SUB, "rg", "vault");
        control.createJob(vault, ItemConfig.vm("rg", "vm"), JobScript.backup().duration(Duration.ofMinutes(1)).build());
        control.reset();
        Vault again = control.existingVault(SUB, "rg", "vault");
        assertThat(again).isNotSameAs(vault);
        assertThat(again.jobs().size()).isZero();
        assertThat(again.items()).singleElement().satisfies(i -> assertThat(i.name()).isEqualTo("VM;iaasvmcontainerv2;rg;vm"));
        assertThat(again.queuedNextJobs()).hasSize(1);
    }

    @Test
    void jobsAreCreatedAndFailedThroughTheSurfaceWithItsRefusals() {
        Vault vault = control.vault(SUB, "rg", "vault");
        String id = control.createJob(vault, "job-1", ItemConfig.vm("rg", "vm"),
                JobScript.backup().duration(Duration.ofMinutes(10)).build()).id();
        assertThatThrownBy(() -> control.createJob(vault, "job-1", null, JobScript.backup().build()))
                .isInstanceOfSatisfying(ControlException.class, e -> assertThat(e.code()).isEqualTo("JobExists"));
        control.failJob(vault, id, List.of());
        assertThat(control.job(vault, id).at(T0.plusSeconds(1)).status()).isEqualTo(JobStatus.Failed);
        assertThatThrownBy(() -> control.failJob(vault, id, List.of()))
                .isInstanceOfSatisfying(ControlException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ControlException.Kind.CONFLICT);
                    assertThat(e.code()).isEqualTo("JobNotRunning");
                });
        assertThatThrownBy(() -> control.job(vault, "nope")).isInstanceOfSatisfying(ControlException.class,
                e -> assertThat(e.kind()).isEqualTo(ControlException.Kind.NOT_FOUND));
        assertThatThrownBy(() -> control.vault("not-a-guid", "rg", "v")).hasMessageContaining("must be a GUID");
    }

    @Test
    void providerStatesGoThroughTheSameCommands() {
        Map<String, Object> values = io.backupmock.server.pact.ProviderStates.setUp(control, "job {jobId} completed", Map.of("jobId", "j-7"), SUB);
        Vault vault = control.existingVault(SUB, "testVaultRG", "testVault");
        assertThat(values).containsEntry("jobId", "j-7").containsEntry("subscriptionId", SUB);
        assertThat(control.job(vault, "j-7").at(control.clock(SUB).instant()).status()).isEqualTo(JobStatus.Completed);
        assertThatThrownBy(() -> io.backupmock.server.pact.ProviderStates.setUp(control, "the moon is full", Map.of(),
                SUB)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("the moon is full");
    }

    @Test
    void aSystemClockCannotBeMoved() {
        Control onSystemTime = new Control(new Emulator(new Tenancy(BackupMockServer.defaultScenario()),
                java.time.Clock.systemUTC(), Settings.DEFAULTS));
        assertThatThrownBy(() -> onSystemTime.advanceClock(null, Duration.ofMinutes(1)))
                .isInstanceOfSatisfying(ControlException.class, e -> assertThat(e.code()).isEqualTo("ClockNotVirtual"));
        assertThatThrownBy(() -> control.advanceClock(null, Duration.ofMinutes(-1)))
                .isInstanceOfSatisfying(ControlException.class,
                        e -> assertThat(e.kind()).isEqualTo(ControlException.Kind.INVALID));
    }
}
