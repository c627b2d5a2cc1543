package io.backupmock.server.config;

import io.backupmock.server.throttling.RateLimits;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backupmock.fixtures.Fixtures;
import io.backupmock.server.state.Settings;
import io.backupmock.server.clock.VirtualClock;
import io.backupmock.server.state.ApiVersionPolicy;
import io.backupmock.server.jobs.JobOperation;
import io.backupmock.server.jobs.JobStatus;
import io.backupmock.server.jobs.JobType;
import io.backupmock.server.jobs.Scenario;
import io.backupmock.server.tenancy.ProtectionState;
import io.backupmock.server.wire.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    EmulatorConfig example() throws Exception {
        Path file = dir.resolve("example.yaml");
        Files.writeString(file, Fixtures.read(Fixtures.EXAMPLE_CONFIG));
        return ConfigLoader.load(file);
    }

    @Test
    void theExampleSetsEverySetting() throws Exception {
        Settings s = example().settings(Settings.DEFAULTS);
        assertThat(s.retryAfterSeconds()).isEqualTo(2);
        assertThat(s.pageSize()).isEqualTo(50);
        assertThat(s.authRequired()).isTrue();
        assertThat(s.adminToken()).isEqualTo("change-me");
        assertThat(s.validateResponses()).isTrue();
        assertThat(s.strict()).isTrue();
        assertThat(s.journalCapacity()).isEqualTo(5000);
        assertThat(s.apiVersions()).isEqualTo(ApiVersionPolicy.only(java.util.List.of("2019-05-13", "2023-06-01",
                "2022-09-01-preview")));
        assertThat(s.rateLimits()).isEqualTo(new RateLimits(12000, 1200, 15000));
        assertThat(s.faultSeed()).isEqualTo(42L);
    }

    @Test
    void theExampleDescribesClockScenarioVaultsRulesAndFaults() throws Exception {
        EmulatorConfig config = example();
        VirtualClock clock = (VirtualClock) config.buildClock();
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-11-25T08:00:00Z"));
        assertThat(clock.autoAdvanceStep()).isEqualTo(Duration.ofSeconds(5));

        Scenario scenario = config.scenario(io.backupmock.server.BackupMockServer.defaultScenario());
        assertThat(scenario.scriptFor(JobOperation.Backup).totalDuration()).isEqualTo(Duration.ofMinutes(10));
        assertThat(scenario.scriptFor(JobOperation.Restore).totalDuration()).as("kept from the defaults")
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(scenario.export().inProgressFor()).isEqualTo(Duration.ofSeconds(3));
        assertThat(config.scenario().concurrentBackup()).isEqualTo(io.backupmock.server.jobs.ConcurrentBackup.FailJob);

        EmulatorConfig.VaultConfig vault = config.vaults().get(0);
        assertThat(vault.items()).hasSize(3);
        assertThat(vault.items().get(0).name()).isEqualTo("VM;iaasvmcontainerv2;testRG;testVM");
        assertThat(vault.items().get(0).container()).isEqualTo("IaasVMContainer;iaasvmcontainerv2;testRG;testVM");
        assertThat(vault.items().get(1).protectionState()).isEqualTo(ProtectionState.ProtectionStopped);
        assertThat(vault.nextJobs().get(0).outcome()).isEqualTo(JobStatus.CompletedWithWarnings);
        assertThat(config.rules()).hasSize(2);
        assertThat(config.rules().get(1).match().jobType()).isEqualTo(JobType.AzureStorageJob);
        assertThat(config.faults()).hasSize(3);
        assertThat(config.faults().get(0).retryAfter()).isEqualTo(7);
        assertThat(config.faults().get(2).latency()).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void jsonFilesReadTheSame() throws Exception {
        Object yaml = new com.fasterxml.jackson.databind.ObjectMapper(
                new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readValue(Fixtures.read(Fixtures.EXAMPLE_CONFIG),
                Object.class);
        Path json = dir.resolve("example.json");
        Files.writeString(json, Json.mapper().writeValueAsString(yaml));
        EmulatorConfig fromJson = ConfigLoader.load(json);
        assertThat(fromJson).isEqualTo(example());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "colour: red|colour: unknown field 'colour'",
        "pageSize: 0|(top): pageSize must be at least 1",
        "journalCapacity: -1|(top): journalCapacity must not be negative",
        "retryAfterSeconds: -5|(top): retryAfterSeconds must not be negative",
        "pageSize: many|pageSize",
        "clock: {mode: sideways}|clock: mode must be 'system' or 'virtual'",
        "clock: {start: '2026-01-01T00:00:00Z'}|clock: start and autoAdvance need mode 'virtual'",
        "clock: {mode: virtual, start: yesterday}|clock.start",
        "apiVersions: {accept: listed}|apiVersions: accept 'listed' needs the versions",
        "apiVersions: {accept: listed, listed: ['v1']}|'v1' is not an api-version",
        "vaults: [{subscriptionId: nope, resourceGroup: rg, name: v}]|vaults[0]: subscriptionId must be a GUID",
        "vaults: [{subscriptionId: 00000000-0000-0000-0000-000000000000, resourceGroup: rg, name: v, items: [{vm: testVM}]}]|vaults[0].items[0]: vm must be 'resourceGroup/vmName'",
        "vaults: [{subscriptionId: 00000000-0000-0000-0000-000000000000, resourceGroup: rg, name: v, nextJobs: [{tasks: [['Snap', '10 seconds']]}]}]|vaults[0].nextJobs[0].tasks[0]",
        "scenario: {jobs: [{operation: Backup, outcome: Cancelled}]}|scenario.jobs[0]: outcome must be Completed, CompletedWithWarnings or Failed",
        "scenario: {jobs: [{operation: Snapshot}]}|scenario.jobs[0].operation",
        "rules: [{script: {duration: PT1S}}]|rules[0]: match",
        "faults: [{status: 200}]|faults[0]: status must be an error status",
        "faults: [{method: GET}]|faults[0]: a fault needs an effect",
        "faults: [{status: 500, rate: 2}]|faults[0]: rate must be above 0 and at most 1",
        "rateLimits: {reads: 0, writes: 1, deletes: 1}|rateLimits: rate limits must be at least 1",
        "pageSize: \"unterminated|not valid YAML"})
    void invalidConfigsNameTheFieldAndWhy(String yaml, String expected) throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, yaml);
        assertThatThrownBy(() -> {
            EmulatorConfig config = ConfigLoader.load(file);
            config.settings(Settings.DEFAULTS);
        }).isInstanceOf(ConfigException.class).hasMessageContaining(expected).hasMessageContaining("bad.yaml");
    }

    @Test
    void aMissingFileIsNamed() {
        assertThatThrownBy(() -> ConfigLoader.load(dir.resolve("nope.json"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("cannot read").hasMessageContaining("nope.json");
    }
}
