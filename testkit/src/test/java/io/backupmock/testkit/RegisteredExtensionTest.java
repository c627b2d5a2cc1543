package io.backupmock.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RegisteredExtensionTest {
    @RegisterExtension
    static BackupMockExtension azure = BackupMockExtension.builder()
            .http().pageSize(1).retryAfterSeconds(9)
            .autoAdvance(Duration.ofSeconds(5)).clockStart(Instant.parse("2026-06-01T12:00:00Z"))
            .build();

    @Test
    void optionsFromTheBuilderShapeTheServer(BackupMock mock) {
        assertThat(mock.baseUri().getScheme()).isEqualTo("http");
        HttpResponse<String> accepted = Calls.triggerBackup(mock, mock.vault().vm());
        assertThat(accepted.headers().firstValue("Retry-After")).hasValue("9");
        Calls.triggerBackup(mock, mock.vault().vm());
        assertThat(Calls.get(mock, mock.vault().path() + "/backupJobs").body()).contains("nextLink");
    }

    @Test
    void autoAdvanceMovesTheClockOnEveryRequest(BackupMock mock) {
        Calls.get(mock, mock.vault().vm().path());
        Calls.get(mock, mock.vault().vm().path());
        assertThat(mock.clock().instant()).isEqualTo(Instant.parse("2026-06-01T12:00:10Z"));
        assertThat(mock.journal().requests()).extracting(r -> r.at().toString())
                .containsExactly("2026-06-01T12:00:05Z", "2026-06-01T12:00:10Z");
    }
}
