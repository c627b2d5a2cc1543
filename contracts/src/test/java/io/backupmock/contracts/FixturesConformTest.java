package io.backupmock.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import io.backupmock.fixtures.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FixturesConformTest {
    static final Map<String, Schemas> PAYLOADS = Map.of(
            "payloads/job-backup-in-progress.json", Schemas.JOB_RESOURCE,
            "payloads/job-backup-completed.json", Schemas.JOB_RESOURCE,
            "payloads/job-backup-failed.json", Schemas.JOB_RESOURCE,
            "payloads/operation-status-in-progress.json", Schemas.OPERATION_STATUS,
            "payloads/operation-status-succeeded.json", Schemas.OPERATION_STATUS,
            "payloads/backup-request-iaasvm.json", Schemas.BACKUP_REQUEST_RESOURCE,
            "payloads/restore-request-iaasvm-restore-disks.json", Schemas.RESTORE_REQUEST_RESOURCE,
            "payloads/protected-item-iaasvm.json", Schemas.PROTECTED_ITEM_RESOURCE,
            "payloads/error-job-not-found.json", Schemas.ERROR_RESPONSE);

    static List<String> payloads() {
        return List.copyOf(PAYLOADS.keySet());
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void fixtureConforms(String name) {
        assertThat(PAYLOADS.get(name).validate(Fixtures.read(name))).as(name).isEmpty();
    }

    @Test
    void everyPayloadFixtureHasItsSchema() {
        assertThat(Fixtures.ALL.stream().filter(n -> n.startsWith("payloads/")))
                .containsExactlyInAnyOrderElementsOf(PAYLOADS.keySet());
    }
}
