package io.backupmock.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import io.backupmock.contracts.Schemas;
import io.backupmock.contracts.Violation;
import java.util.List;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/** Assertions on any payload of the API: does it conform to a schema, what is at a pointer. */
public class PayloadAssert<SELF extends PayloadAssert<SELF>> extends AbstractAssert<SELF, JsonNode> {

    protected PayloadAssert(JsonNode actual, Class<?> selfType) {
        super(actual, selfType);
    }

    /** The payload conforms to {@code schema}; the failure lists every violation with its JSON pointer. */
    public SELF conformsTo(Schemas schema) {
        isNotNull();
        List<Violation> violations = schema.validate(actual);
        if (!violations.isEmpty()) {
            failWithMessage("Expecting the payload to conform to the %s schema, but it breaks it %d time(s):%n%s%n"
                            + "payload: %s", schema.definition(), violations.size(),
                    violations.stream().map(v -> "  " + v).collect(Collectors.joining("\n")), actual);
        }
        return myself;
    }

    /** The text at a JSON pointer, e.g. {@code "/properties/status"}. */
    public SELF hasText(String pointer, String expected) {
        isNotNull();
        JsonNode value = actual.at(pointer);
        if (value.isMissingNode() || !value.asText().equals(expected)) {
            failWithActualExpectedAndMessage(value.isMissingNode() ? null : value.asText(), expected,
                    "Expecting %s to be <%s> but was <%s>%npayload: %s", pointer, expected,
                    value.isMissingNode() ? "absent" : value.asText(), actual);
        }
        return myself;
    }

    protected String text(String pointer) {
        JsonNode value = actual.at(pointer);
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }

    /** A payload assertion of no particular type. */
    public static final class Any extends PayloadAssert<Any> {
        Any(JsonNode actual) {
            super(actual, Any.class);
        }
    }
}
