package io.backupmock.testkit;

import com.fasterxml.jackson.databind.JsonNode;

/** Assertions on a CloudError body {@code {"error":{"code","message"}}}. */
public final class CloudErrorAssert extends PayloadAssert<CloudErrorAssert> {

    CloudErrorAssert(JsonNode actual) {
        super(actual, CloudErrorAssert.class);
    }

    public CloudErrorAssert hasCode(String expected) {
        isNotNull();
        if (!actual.path("error").isObject()) {
            failWithMessage("Expecting a CloudError {\"error\":{\"code\",\"message\"}} but got %s", actual);
        }
        String code = text("/error/code");
        if (!expected.equals(code)) {
            failWithActualExpectedAndMessage(code, expected, "Expecting error code <%s> but was <%s> (message: %s)", expected, code,
                    text("/error/message"));
        }
        return myself;
    }

    public CloudErrorAssert hasMessageContaining(String part) {
        isNotNull();
        String message = text("/error/message");
        if (message == null || !message.contains(part)) {
            failWithMessage("Expecting the error message to contain <%s> but it was <%s>", part, message);
        }
        return myself;
    }

    /** One of {@code error.details} targets this JSON pointer. */
    public CloudErrorAssert hasDetailTargeting(String pointer) {
        isNotNull();
        for (JsonNode detail : actual.at("/error/details")) {
            if (pointer.equals(detail.path("target").asText())) {
                return myself;
            }
        }
        failWithMessage("Expecting an error detail targeting <%s> but the details are %s", pointer,
                actual.at("/error/details"));
        return myself;
    }
}
