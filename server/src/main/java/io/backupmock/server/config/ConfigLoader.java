package io.backupmock.server.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.backupmock.server.wire.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads configuration files and JSON bodies of the admin API into the emulator's types, turning
 * every mistake into one message that names the field and why: {@code vaults[0].items[1].vm:
 * vm must be 'resourceGroup/vmName', not 'testVM'}.
 */
public final class ConfigLoader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private ConfigLoader() {
    }

    /** Reads a {@code .json}, {@code .yaml} or {@code .yml} file. */
    public static EmulatorConfig load(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        ObjectMapper mapper = name.endsWith(".yaml") || name.endsWith(".yml") ? YAML : Json.mapper();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ConfigException("cannot read " + file + ": "
                    + (Files.isDirectory(file) ? "it is a folder" : MappingMessages.of(e)));
        }
        return parse(mapper, bytes, EmulatorConfig.class, file.toString());
    }

    /** Reads JSON into {@code type}, with the same messages as configuration files. */
    public static <T> T readJson(byte[] json, Class<T> type, String what) {
        return parse(Json.mapper(), json, type, what);
    }

    private static <T> T parse(ObjectMapper mapper, byte[] bytes, Class<T> type, String source) {
        try {
            T value = mapper.readValue(bytes, type);
            if (value == null) {
                throw new ConfigException(source + ": empty");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw new ConfigException(source + ": " + path(e) + ": unknown field '" + e.getPropertyName()
                    + "'; known fields: " + new java.util.TreeSet<>(e.getKnownPropertyIds().stream().map(String::valueOf).toList()));
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new ConfigException(source + ": " + path(e) + ": " + cause.getMessage());
        } catch (JsonMappingException e) {
            throw new ConfigException(source + ": " + path(e) + ": " + MappingMessages.of(e));
        } catch (JsonProcessingException e) {
            throw new ConfigException(source + ": not valid " + (mapper == YAML ? "YAML" : "JSON") + " at line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException(source + ": " + e.getMessage());
        }
    }

    /** The field path of a mapping error, e.g. {@code vaults[0].items[1].vm} ({@code (top)} for the root). */
    static String path(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                out.append(out.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.length() == 0 ? "(top)" : out.toString();
    }
}
