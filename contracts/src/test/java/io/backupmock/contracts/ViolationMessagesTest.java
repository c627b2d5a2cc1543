package io.backupmock.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Violation messages a person can act on. */
class ViolationMessagesTest {
    static List<Violation> backup(String properties) {
        return Schemas.BACKUP_REQUEST_RESOURCE.validate("{\"properties\":{\"objectType\":\"IaasVMBackupRequest\","
                + properties + "}}");
    }

    @Test
    void anUnknownPropertyIsNamedWithTheClosestAllowedOne() {
        List<Violation> violations = backup("\"expiryTimeUTC\":\"2026-12-01T00:00:00Z\"");
        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.pointer()).isEqualTo("/properties");
            assertThat(v.keyword()).isEqualTo("unevaluatedProperties");
            assertThat(v.message()).isEqualTo(
                    "unknown property 'expiryTimeUTC'; did you mean 'recoveryPointExpiryTimeInUTC'?");
        });
    }

    @Test
    void aTypoIsMatchedBySpelling() {
        assertThat(Schemas.BACKUP_REQUEST_RESOURCE.validate("{\"propertes\":{\"objectType\":\"IaasVMBackupRequest\"}}"))
                .extracting(Violation::message)
                .containsExactly("unknown property 'propertes'; did you mean 'properties'?");
    }

    @Test
    void onlyTheNamesOfTheSubtypeGivenAreSuggested() {
        // AzureWorkloadBackupRequest has backupType; an IaaS VM request does not.
        assertThat(backup("\"backupType\":\"Full\"")).extracting(Violation::message)
                .containsExactly("unknown property 'backupType'");
    }

    @Test
    void nothingCloseIsNoSuggestion() {
        assertThat(Schemas.JOB_RESOURCE.validate("{\"colour\":\"red\"}")).extracting(Violation::message)
                .contains("unknown property 'colour'");
    }

    @Test
    void aBadDateTimeIsOneMessageSayingWhatOneLooksLike() {
        assertThat(backup("\"recoveryPointExpiryTimeInUTC\":\"tomorrow\"")).singleElement().satisfies(v -> {
            assertThat(v.pointer()).isEqualTo("/properties/recoveryPointExpiryTimeInUTC");
            assertThat(v.message()).isEqualTo("'tomorrow' is not an RFC 3339 date-time such as 2026-11-25T08:00:00Z");
        });
    }

    @Test
    void closestWeighsSharedWordsThenSpelling() {
        Set<String> names = Set.of("recoveryPointExpiryTimeInUTC", "objectType", "startTime", "endTime");
        assertThat(ViolationMessages.closest("expiryTimeUTC", names)).isEqualTo("recoveryPointExpiryTimeInUTC");
        assertThat(ViolationMessages.closest("objecttype", names)).isEqualTo("objectType");
        assertThat(ViolationMessages.closest("end_time", names)).isEqualTo("endTime");
        assertThat(ViolationMessages.closest("weather", names)).isNull();
        assertThat(ViolationMessages.words("recoveryPointExpiryTimeInUTC"))
                .containsExactly("recovery", "point", "expiry", "time", "in", "utc");
        assertThat(ViolationMessages.words("HTTPStatusCode")).containsExactly("http", "status", "code");
        assertThat(EditDistance.between("propertes", "properties")).isEqualTo(1);
    }
}
