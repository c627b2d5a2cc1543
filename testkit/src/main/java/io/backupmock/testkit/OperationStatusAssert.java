package io.backupmock.testkit;

import com.fasterxml.jackson.databind.JsonNode;

/** Assertions on an OperationStatus, e.g. {@code assertThatOperationStatus(body).hasSucceeded().hasJobId(id)}. */
public final class OperationStatusAssert extends PayloadAssert<OperationStatusAssert> {

    OperationStatusAssert(JsonNode actual) {
        super(actual, OperationStatusAssert.class);
    }

    public OperationStatusAssert hasStatus(String expected) {
        isNotNull();
        String status = text("/status");
        if (!expected.equals(status)) {
            failWithActualExpectedAndMessage(status, expected, "Expecting operation %s to have status <%s> but was <%s>%s",
                    text("/id"), expected, status,
                    errorSuffix());
        }
        return myself;
    }

    public OperationStatusAssert hasSucceeded() {
        return hasStatus("Succeeded");
    }

    public OperationStatusAssert isInProgress() {
        return hasStatus("InProgress");
    }

    /** Succeeded with {@code properties.jobId} of this value, tagged OperationStatusJobExtendedInfo. */
    public OperationStatusAssert hasJobId(String jobId) {
        isNotNull();
        String objectType = text("/properties/objectType");
        String actualJob = text("/properties/jobId");
        if (!"OperationStatusJobExtendedInfo".equals(objectType) || !jobId.equals(actualJob)) {
            failWithMessage("Expecting operation %s to carry job <%s> in OperationStatusJobExtendedInfo but its "
                    + "properties are %s", text("/id"), jobId, actual.path("properties"));
        }
        return myself;
    }

    /** Failed with {@code error.code} of this value. */
    public OperationStatusAssert hasFailedWith(String code) {
        hasStatus("Failed");
        if (!code.equals(text("/error/code"))) {
            failWithMessage("Expecting operation %s to fail with <%s> but its error is %s", text("/id"), code,
                    actual.path("error"));
        }
        return myself;
    }

    private String errorSuffix() {
        return actual.has("error") ? " (error: " + actual.get("error") + ")" : "";
    }
}
