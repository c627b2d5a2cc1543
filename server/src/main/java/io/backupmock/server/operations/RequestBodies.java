package io.backupmock.server.operations;

import com.fasterxml.jackson.databind.JsonNode;
import io.backupmock.server.gateway.ApiError;

/**
 * Reading the parts of request bodies the emulator acts on. Shapes and types are the schemas'
 * business ({@code ApiRequest.json(schema)}); what is left here is what a schema cannot require.
 */
final class RequestBodies {
    private RequestBodies() {
    }

    /** The {@code properties} object every request resource wraps its content in (optional in the spec, needed here). */
    static JsonNode properties(JsonNode body, String resource) {
        JsonNode properties = body.get("properties");
        if (properties == null || !properties.isObject()) {
            throw ApiError.invalidInput("Invalid input: the " + resource + " must have a 'properties' object.");
        }
        return properties;
    }

    /** A string field, or null when absent (its type was checked by the schema). */
    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
