package io.backupmock.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backupmock.fixtures.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each schema rejects what it must: a valid fixture with one thing broken, and the violation found where it is. */
class SchemasRejectTest {
    static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * @param fixture  a valid payload
     * @param pointer  where to break it; the value is set there ({@code <remove>} deletes the field)
     * @param value    the JSON to put there
     * @param expected the pointer a violation must name
     */
    @ParameterizedTest(name = "{0}: {1} = {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "payloads/job-backup-completed.json|/properties/jobType|<remove>|/properties",
        "payloads/job-backup-completed.json|/properties/jobType|\"Bogus\"|/properties/jobType",
        "payloads/job-backup-completed.json|/properties/colour|\"red\"|/properties",
        "payloads/job-backup-completed.json|/properties/duration|\"00:20:23.0896697\"|/properties/duration",
        "payloads/job-backup-completed.json|/properties/startTime|\"yesterday\"|/properties/startTime",
        "payloads/job-backup-completed.json|/properties/endTime|\"2026-13-45T99:00:00Z\"|/properties/endTime",
        "payloads/job-backup-completed.json|/properties/actionsInfo|[\"Sometimes\"]|/properties/actionsInfo/0",
        "payloads/job-backup-completed.json|/properties/status|3|/properties/status",
        "payloads/job-backup-completed.json|/properties/extendedInfo/tasksList|{\"taskId\":\"x\"}|/properties/extendedInfo/tasksList",
        "payloads/job-backup-completed.json|/properties/extendedInfo/tasksList/0/duration|\"ten seconds\"|/properties/extendedInfo/tasksList/0/duration",
        "payloads/job-backup-completed.json|/properties/properties|{\"status\":\"Completed\"}|/properties",
        "payloads/job-backup-completed.json|/properties/storageAccountName|\"acct\"|/properties",
        "payloads/job-backup-failed.json|/properties/errorDetails/0/errorCode|\"E42\"|/properties/errorDetails/0/errorCode",
        "payloads/operation-status-succeeded.json|/properties/objectType|<remove>|/properties",
        "payloads/operation-status-succeeded.json|/properties/objectType|\"Nope\"|/properties/objectType",
        "payloads/operation-status-succeeded.json|/properties/jobId|5|/properties/jobId",
        "payloads/operation-status-succeeded.json|/endTime|\"soon\"|/endTime",
        "payloads/operation-status-succeeded.json|/jobId|\"x\"|''",
        "payloads/backup-request-iaasvm.json|/properties/objectType|\"Nope\"|/properties/objectType",
        "payloads/backup-request-iaasvm.json|/properties/objectType|<remove>|/properties",
        "payloads/backup-request-iaasvm.json|/properties/recoveryPointExpiryTimeInUTC|\"tomorrow\"|/properties/recoveryPointExpiryTimeInUTC",
        "payloads/backup-request-iaasvm.json|/properties/backupType|\"Full\"|/properties",
        "payloads/restore-request-iaasvm-restore-disks.json|/properties/objectType|\"IaasVMRestore\"|/properties/objectType",
        "payloads/restore-request-iaasvm-restore-disks.json|/properties/createNewCloudService|\"no\"|/properties/createNewCloudService",
        "payloads/protected-item-iaasvm.json|/properties/protectedItemType|<remove>|/properties",
        "payloads/protected-item-iaasvm.json|/properties/protectionState|5|/properties/protectionState",
        "payloads/protected-item-iaasvm.json|/properties/lastBackupTime|\"last week\"|/properties/lastBackupTime",
        "payloads/error-job-not-found.json|/error|\"boom\"|/error",
        "payloads/error-job-not-found.json|/error/code|1|/error/code"})
    void rejects(String fixture, String pointer, String value, String expected) throws Exception {
        JsonNode broken = MAPPER.readTree(Fixtures.read(fixture));
        int slash = pointer.lastIndexOf('/');
        ObjectNode parent = (ObjectNode) broken.at(pointer.substring(0, slash));
        String field = pointer.substring(slash + 1);
        if (value.equals("<remove>")) {
            parent.remove(field);
        } else {
            parent.set(field, MAPPER.readTree(value));
        }
        List<Violation> violations = FixturesConformTest.PAYLOADS.get(fixture).validate(broken);
        String where = expected.equals("''") ? "" : expected;
        assertThat(violations).as("violations of %s", broken).isNotEmpty()
                .anySatisfy(v -> assertThat(v.pointer()).isEqualTo(where));
    }

    @Test
    void listsRejectWrongShapes() {
        assertThat(Schemas.JOB_RESOURCE_LIST.validate("{\"value\":{}}")).isNotEmpty();
        assertThat(Schemas.JOB_RESOURCE_LIST.validate("{\"value\":[],\"nextLink\":\"https://x\"}")).isEmpty();
        assertThat(Schemas.PROTECTED_ITEM_RESOURCE_LIST.validate("{\"value\":[{\"properties\":{}}]}")).isNotEmpty();
    }

    @Test
    void violationsNameTheSchemaRule() {
        Violation v = Schemas.OPERATION_STATUS.validate("{\"status\":5}").get(0);
        assertThat(v.pointer()).isEqualTo("/status");
        assertThat(v.keyword()).isEqualTo("type");
        assertThat(v.schemaPath()).isEqualTo("OperationStatusValues.json#/type");
        assertThat(v.toString()).contains("/status", "OperationStatusValues.json");
    }

    @Test
    void aFailureInsideASubtypeIsReportedOnceNotAsEveryFieldUnevaluated() {
        String job = Fixtures.read("payloads/job-backup-completed.json").replace("\"PT30S\"", "\"00:00:30\"");
        assertThat(Schemas.JOB_RESOURCE.validate(job)).singleElement()
                .satisfies(v -> assertThat(v.pointer()).isEqualTo("/properties/duration"));
    }

    @Test
    void textThatIsNotJsonIsOneViolation() {
        assertThat(Schemas.OPERATION_STATUS.validate("{nope")).singleElement()
                .satisfies(v -> assertThat(v.message()).startsWith("not JSON"));
    }

    @Test
    void schemasAreFoundByDefinitionName() {
        assertThat(Schemas.of("jobresource")).isEqualTo(Schemas.JOB_RESOURCE);
        assertThat(Schemas.JOB_RESOURCE.id()).isEqualTo("https://schemas.backupmock.io/azure-backup/JobResource.json");
        assertThatThrownBy(() -> Schemas.of("Widget")).hasMessageContaining("no schema for 'Widget'");
    }
}
