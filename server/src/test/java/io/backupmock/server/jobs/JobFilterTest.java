package io.backupmock.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JobFilterTest {
    @Test
    void parsesEverySupportedClause() {
        JobFilter f = JobFilter.parse("startTime eq '2016-01-01 00:00:00 AM' and endTime eq '2017-11-29 00:00:00 AM'"
                + " and operation eq 'Backup' and backupManagementType eq 'AzureIaasVM' and status eq 'InProgress'"
                + " and jobId eq 'abc'");
        assertThat(f.from()).isEqualTo(Instant.parse("2016-01-01T00:00:00Z"));
        assertThat(f.to()).isEqualTo(Instant.parse("2017-11-29T00:00:00Z"));
        assertThat(f.operation()).isEqualTo(JobOperation.Backup);
        assertThat(f.backupManagementType()).isEqualTo(BackupManagementType.AzureIaasVM);
        assertThat(f.status()).isEqualTo(JobStatus.InProgress);
        assertThat(f.jobId()).isEqualTo("abc");
    }

    @Test
    void namesAndValuesAreCaseInsensitive() {
        JobFilter f = JobFilter.parse("Status EQ 'completedwithwarnings' AND OPERATION eq 'restore'");
        assertThat(f.status()).isEqualTo(JobStatus.CompletedWithWarnings);
        assertThat(f.operation()).isEqualTo(JobOperation.Restore);
    }

    @Test
    void blankMeansNoFilter() {
        assertThat(JobFilter.parse(null)).isEqualTo(JobFilter.NONE);
        assertThat(JobFilter.parse("  ")).isEqualTo(JobFilter.NONE);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2016-01-01 00:00:00 AM|2016-01-01T00:00:00Z",
        "2016-01-01 12:00:00 AM|2016-01-01T00:00:00Z",
        "2016-01-01 12:30:00 PM|2016-01-01T12:30:00Z",
        "2019-05-20 01:38:04 PM|2019-05-20T13:38:04Z",
        "2019-05-20 01:38:04 am|2019-05-20T01:38:04Z",
        "2019-05-20 13:38:04|2019-05-20T13:38:04Z",
        "2019-05-20T13:38:04Z|2019-05-20T13:38:04Z",
        "2019-05-20T13:38:04.5+02:00|2019-05-20T11:38:04.500Z"})
    void acceptsTheServiceDateFormatsAndIso(String written, String instant) {
        assertThat(JobFilter.parse("startTime eq '" + written + "'").from()).isEqualTo(Instant.parse(instant));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "status eq 'Done'|status eq 'Done'",
        "operation eq 'Snapshot'|operation eq 'Snapshot'",
        "backupManagementType eq 'Tape'|backupManagementType eq 'Tape'",
        "startTime eq 'yesterday'|startTime eq 'yesterday'",
        "startTime eq '2019-05-20 13:38:04 PM'|startTime eq '2019-05-20 13:38:04 PM'",
        "status ne 'Completed'|status ne 'Completed'",
        "status eq Completed|status eq Completed",
        "vaultName eq 'v'|unknown field 'vaultName'",
        "status eq 'Completed' and status eq 'Failed'|appears more than once",
        "status eq 'Completed' or status eq 'Failed'|status eq 'Completed' or status eq 'Failed'"})
    void malformedFiltersNameTheClause(String filter, String named) {
        assertThatThrownBy(() -> JobFilter.parse(filter)).isInstanceOf(FilterException.class)
                .hasMessageContaining(named);
    }

    @Test
    void windowMustNotEndBeforeItStarts() {
        assertThatThrownBy(() -> JobFilter.parse("startTime eq '2020-01-02 00:00:00 AM' and endTime eq "
                + "'2020-01-01 00:00:00 AM'")).hasMessageContaining("before startTime");
    }

    @Test
    void quotedValuesMayContainAndAndEscapedQuotes() {
        assertThat(JobFilter.parse("jobId eq 'rock and roll''s'").jobId()).isEqualTo("rock and roll's");
    }
}
