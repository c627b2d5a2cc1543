package io.backupmock.testkit;

/**
 * AssertJ entry points for Azure Backup payloads and for what a client sent. Payloads may be JSON
 * text, a Jackson {@code JsonNode}, a {@code Map}, bytes or an {@code HttpResponse<String>}.
 */
public final class BackupMockAssertions {
    private BackupMockAssertions() {
    }

    public static JournalAssert assertThat(RequestJournal journal) {
        return new JournalAssert(journal);
    }

    /** Assertions on a job as the test sees it now ({@code vault.job(id)}): the JobResource a client would read. */
    public static JobResourceAssert assertThat(TestJob job) {
        return assertThatJob(job);
    }

    public static JobResourceAssert assertThatJob(Object jobResource) {
        return new JobResourceAssert(Payloads.toJson(jobResource));
    }

    public static OperationStatusAssert assertThatOperationStatus(Object operationStatus) {
        return new OperationStatusAssert(Payloads.toJson(operationStatus));
    }

    public static CloudErrorAssert assertThatCloudError(Object errorBody) {
        return new CloudErrorAssert(Payloads.toJson(errorBody));
    }

    /** Any payload, e.g. {@code assertThatPayload(body).conformsTo(Schemas.JOB_RESOURCE_LIST)}. */
    public static PayloadAssert.Any assertThatPayload(Object payload) {
        return new PayloadAssert.Any(Payloads.toJson(payload));
    }
}
