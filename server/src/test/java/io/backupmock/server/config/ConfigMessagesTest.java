package io.backupmock.server.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Mapping mistakes and unreadable files said in a person's words, not Jackson's or the file system's. */
class ConfigMessagesTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "pageSize: fifty|bad.yaml: pageSize: 'fifty' is not a whole number",
        "retryAfterSeconds: soon|retryAfterSeconds: 'soon' is not a whole number",
        "authRequired: maybe|authRequired: 'maybe' is neither true nor false",
        "faultSeed: many|faultSeed: 'many' is not a whole number",
        "clock: {mode: virtual, autoAdvance: 5s}|clock.autoAdvance: '5s' is not an ISO-8601 duration such as PT5S",
        "clock: {mode: virtual, start: yesterday}|clock.start: 'yesterday' is not an ISO-8601 instant such as 2026-11-25T08:00:00Z",
        "scenario: {jobs: [{operation: Snapshot}]}|scenario.jobs[0].operation: 'Snapshot' is not one of Register, UnRegister, ConfigureBackup, Backup,",
        "scenario: {concurrentBackup: Sometimes}|scenario.concurrentBackup: 'Sometimes' is not one of FailJob, Refuse, Allow",
        "pageSize: [1, 2]|pageSize: expected a whole number",
        "vaults: {name: v}|vaults: expected a list"})
    void mappingMistakesAreSaidPlainly(String yaml, String expected) throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, yaml);
        assertThatThrownBy(() -> ConfigLoader.load(file)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(expected).hasMessageNotContaining("Cannot deserialize")
                .hasMessageNotContaining("java.lang");
    }

    @Test
    void adminBodiesGetTheSameWords() {
        assertThatThrownBy(() -> ConfigLoader.readJson("{\"pageSize\": \"fifty\"}".getBytes(StandardCharsets.UTF_8),
                EmulatorConfig.class, "body")).hasMessage("body: pageSize: 'fifty' is not a whole number");
    }

    @Test
    void aFileThatCannotBeReadSaysWhy() throws Exception {
        Path missing = dir.resolve("nope.json");
        assertThatThrownBy(() -> ConfigLoader.load(missing)).hasMessage("cannot read " + missing + ": no such file");
        assertThatThrownBy(() -> ConfigLoader.load(dir)).hasMessage("cannot read " + dir + ": it is a folder");
    }
}
