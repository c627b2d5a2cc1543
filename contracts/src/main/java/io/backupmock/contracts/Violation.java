package io.backupmock.contracts;

/**
 * One way a payload breaks its schema.
 *
 * @param pointer    JSON pointer to the offending value in the payload ({@code ""} for the root)
 * @param message    what is wrong, e.g. {@code /properties/status: integer found, string expected}
 * @param keyword    the schema keyword that failed ({@code type}, {@code required}, {@code unevaluatedProperties}…)
 * @param schemaPath where in the schemas the rule lives, e.g. {@code JobResource.json#/properties/properties}
 */
public record Violation(String pointer, String message, String keyword, String schemaPath) {
    @Override
    public String toString() {
        return (pointer.isEmpty() ? "/" : pointer) + ": " + message + " (" + schemaPath + ")";
    }
}
