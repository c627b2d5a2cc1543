package io.backupmock.server.operations;

import com.fasterxml.jackson.databind.JsonNode;
import io.backupmock.server.gateway.ApiError;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Reading the parts of request bodies the emulator acts on, with the backup service's 400s when they are wrong. */
final class RequestBodies {
    private RequestBodies() {
    }

    /** The {@code properties} object every request resource wraps its content in. */
    static JsonNode properties(JsonNode body, String resource) {
        JsonNode properties = body.get("properties");
        if (properties == null || !properties.isObject()) {
            throw ApiError.invalidInput("Invalid input: the " + resource + " must have a 'properties' object.");
        }
        return properties;
    }

    /** A required string field of {@code node}. */
    static String requiredText(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw ApiError.invalidInput("Invalid input: '" + where + "." + field + "' is required.");
        }
        if (!value.isTextual()) {
            throw ApiError.invalidInput("Invalid input: '" + where + "." + field + "' must be a string.");
        }
        return value.asText();
    }

    /** An optional string field of {@code node}; null when absent. */
    static String optionalText(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ApiError.invalidInput("Invalid input: '" + where + "." + field + "' must be a string.");
        }
        return value.asText();
    }

    /** An optional date-time field, which must be ISO-8601 when present. */
    static void optionalDateTime(JsonNode node, String field, String where) {
        String value = optionalText(node, field, where);
        if (value != null) {
            try {
                OffsetDateTime.parse(value);
            } catch (DateTimeParseException e) {
                throw ApiError.invalidInput("Invalid input: '" + where + "." + field + "' must be an ISO-8601 "
                        + "date-time such as 2026-12-01T02:16:20Z, not '" + value + "'.");
            }
        }
    }
}
