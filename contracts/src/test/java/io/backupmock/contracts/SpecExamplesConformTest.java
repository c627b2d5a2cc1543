package io.backupmock.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example in Azure's spec whose body is one of our payloads validates against our schema.
 * The examples live in the reference folder beside the project (as in CI); elsewhere this is skipped.
 */
@ExtendWith(SkipReasons.class)
class SpecExamplesConformTest {
    static final Path SPEC = Path.of("../../shared/reference/azure-backup-spec");
    static final ObjectMapper MAPPER = new ObjectMapper();

    /** Example file → (JSON pointer into it → schema of what is there). */
    static final Map<String, Map<String, Schemas>> EXAMPLES = Map.ofEntries(
            Map.entry("GetJobDetails.json", Map.of("/responses/200/body", Schemas.JOB_RESOURCE)),
            Map.entry("ListJobs.json", Map.of("/responses/200/body", Schemas.JOB_RESOURCE_LIST)),
            Map.entry("ListJobsWithStartTimeAndEndTimeFilters.json",
                    Map.of("/responses/200/body", Schemas.JOB_RESOURCE_LIST)),
            Map.entry("ListJobsWithAllSupportedFilters.json", Map.of("/responses/200/body", Schemas.JOB_RESOURCE_LIST)),
            Map.entry("ProtectedItemOperationStatus.json", Map.of("/responses/200/body", Schemas.OPERATION_STATUS)),
            Map.entry("ProtectedItem_Delete_OperationStatus.json",
                    Map.of("/responses/200/body", Schemas.OPERATION_STATUS)),
            Map.entry("ExportJobsOperationResult.json", Map.of(
                    "/responses/200/body", Schemas.OPERATION_RESULT_INFO_BASE_RESOURCE,
                    "/responses/202/body", Schemas.OPERATION_RESULT_INFO_BASE_RESOURCE)),
            Map.entry("BackupProtectedItems_List.json",
                    Map.of("/responses/200/body", Schemas.PROTECTED_ITEM_RESOURCE_LIST)),
            Map.entry("ProtectedItemOperationResults.json",
                    Map.of("/responses/200/body", Schemas.PROTECTED_ITEM_RESOURCE)),
            Map.entry("ConfigureProtection.json", Map.of(
                    "/parameters/parameters", Schemas.PROTECTED_ITEM_RESOURCE,
                    "/responses/200/body", Schemas.PROTECTED_ITEM_RESOURCE)),
            Map.entry("StopProtection.json", Map.of(
                    "/parameters/parameters", Schemas.PROTECTED_ITEM_RESOURCE,
                    "/responses/200/body", Schemas.PROTECTED_ITEM_RESOURCE)),
            Map.entry("TriggerBackup_Post.json", Map.of("/parameters/parameters", Schemas.BACKUP_REQUEST_RESOURCE)),
            Map.entry("TriggerRestore_RestoreDisks_IaasVMRestoreRequest.json",
                    Map.of("/parameters/parameters", Schemas.RESTORE_REQUEST_RESOURCE)));

    static Stream<Arguments> examples() {
        if (!Files.isDirectory(SPEC)) {
            return Stream.of(Arguments.of("(reference folder absent)", "", null));
        }
        try (Stream<Path> files = Files.walk(SPEC)) {
            return files.filter(f -> f.toString().contains("examples") && EXAMPLES.containsKey(name(f)))
                    .flatMap(f -> EXAMPLES.get(name(f)).entrySet().stream()
                            .map(e -> Arguments.of(SPEC.relativize(f).toString(), e.getKey(), e.getValue())))
                    .toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0} {1} is a {2}")
    @MethodSource("examples")
    void exampleConforms(String file, String pointer, Schemas schema) throws IOException {
        assumeTrue(schema != null, "skipped: ../shared/reference is not beside this checkout");
        JsonNode body = MAPPER.readTree(SPEC.resolve(file).toFile()).at(pointer);
        assertThat(body.isMissingNode()).as("%s has %s", file, pointer).isFalse();
        List<Violation> violations = schema.validate(body);
        assertThat(violations).as("%s %s against %s", file, pointer, schema.definition()).isEmpty();
    }

    @Test
    void everyMappedExampleIsThere() throws IOException {
        assumeTrue(Files.isDirectory(SPEC), "skipped: ../shared/reference is not beside this checkout");
        try (Stream<Path> files = Files.walk(SPEC)) {
            List<String> present = files.map(SpecExamplesConformTest::name).toList();
            assertThat(present).containsAll(EXAMPLES.keySet());
        }
    }

    private static String name(Path file) {
        return file.getFileName().toString();
    }
}
