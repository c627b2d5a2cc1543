package io.backupmock.server.config;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Jackson's mapping errors and the file system's, said as a person would:
 * {@code 'fifty' is not a whole number} rather than {@code Cannot deserialize value of type
 * `java.lang.Integer` from String "fifty"}, {@code no such file} rather than the path again.
 */
final class MappingMessages {
    private MappingMessages() {
    }

    /** Why the value at the error's path was refused; Jackson's own words when no better ones are known. */
    static String of(JsonMappingException e) {
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null) {
            String value = invalid.getValue() instanceof String s ? "'" + s + "'" : String.valueOf(invalid.getValue());
            return value + " " + isNot(invalid.getTargetType());
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            String wanted = expected(mismatch.getTargetType());
            if (wanted != null) {
                return "expected " + wanted;
            }
        }
        return e.getOriginalMessage();
    }

    private static String isNot(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "is not a whole number";
        }
        if (type == Double.class || type == double.class || type == Float.class || type == float.class) {
            return "is not a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "is neither true nor false";
        }
        if (type == Duration.class) {
            return "is not an ISO-8601 duration such as PT5S";
        }
        if (type == Instant.class) {
            return "is not an ISO-8601 instant such as 2026-11-25T08:00:00Z";
        }
        if (type.isEnum()) {
            return "is not one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", "));
        }
        return "is not a " + type.getSimpleName();
    }

    private static String expected(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Duration.class) {
            return "an ISO-8601 duration such as PT5S";
        }
        if (type == Instant.class) {
            return "an ISO-8601 instant such as 2026-11-25T08:00:00Z";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (java.util.Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return null;
    }

    /** Why a file could not be read, without repeating its name. */
    static String of(java.io.IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage();
    }
}
