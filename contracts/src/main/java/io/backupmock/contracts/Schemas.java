package io.backupmock.contracts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The payloads of the Azure Backup job-tracking API, each with its JSON Schema (draft 2020-12,
 * written from the spec's definitions). Each schema compiles once, on first use (compiling them
 * all takes a few hundred milliseconds a standalone start need not pay); validation is
 * thread-safe. {@code Schemas.JOB_RESOURCE.validate(json)} lists what is wrong, empty if nothing.
 */
public enum Schemas {
    JOB_RESOURCE("JobResource"),
    JOB_RESOURCE_LIST("JobResourceList"),
    OPERATION_STATUS("OperationStatus"),
    OPERATION_RESULT_INFO_BASE_RESOURCE("OperationResultInfoBaseResource"),
    BACKUP_REQUEST_RESOURCE("BackupRequestResource"),
    RESTORE_REQUEST_RESOURCE("RestoreRequestResource"),
    PROTECTED_ITEM_RESOURCE("ProtectedItemResource"),
    PROTECTED_ITEM_RESOURCE_LIST("ProtectedItemResourceList"),
    ERROR_RESPONSE("ErrorResponse");

    /** Prefix of every schema's {@code $id}. */
    public static final String ID_PREFIX = "https://schemas.backupmock.io/azure-backup/";
    /** Where the schema files live on the classpath. */
    public static final String RESOURCE_DIR = "io/backupmock/contracts/schemas/";

    private static final String UNEVALUATED = "unevaluatedProperties";

    private final String definition;
    private volatile Schema schema;

    Schemas(String definition) {
        this.definition = definition;
    }

    /** Holder: naming a schema (as routes do at start) does not start Jackson. */
    private static final class Parser {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    /** Shared by every schema, so the files they $ref are read once. */
    private static final class Registry {
        static final SchemaRegistry INSTANCE = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder
                        .schemaIdResolvers(ids -> ids.mapPrefix(ID_PREFIX, "classpath:" + RESOURCE_DIR))
                        .schemaRegistryConfig(SchemaRegistryConfig.builder()
                                .pathType(PathType.JSON_POINTER)
                                .formatAssertionsEnabled(true)
                                .preloadSchema(true)
                                .build()));
    }

    private Schema compiled() {
        Schema s = schema;
        if (s == null) {
            synchronized (this) {
                s = schema;
                if (s == null) {
                    s = Registry.INSTANCE.getSchema(SchemaLocation.of(id()));
                    schema = s;
                }
            }
        }
        return s;
    }

    /** The spec definition this schema describes, e.g. {@code JobResource}. */
    public String definition() {
        return definition;
    }

    /** The schema's {@code $id}. */
    public String id() {
        return ID_PREFIX + definition + ".json";
    }

    /** The schema for a definition name, case-insensitively (e.g. {@code "JobResource"}). */
    public static Schemas of(String definition) {
        for (Schemas s : values()) {
            if (s.definition.toLowerCase(Locale.ROOT).equals(definition.toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new IllegalArgumentException("no schema for '" + definition + "'; known: " + List.of(values()));
    }

    /** What is wrong with {@code payload}; empty when it conforms. */
    public List<Violation> validate(JsonNode payload) {
        List<Error> errors = compiled().validate(payload);
        if (errors.isEmpty()) {
            return List.of();
        }
        List<Violation> all = new ArrayList<>(errors.size());
        for (Error e : errors) {
            all.add(new Violation(e.getInstanceLocation().toString(), ViolationMessages.of(e), e.getKeyword(),
                    shortPath(e)));
        }
        return withoutEchoes(all);
    }

    /**
     * Drops the "not evaluated" reports that a failing subschema leaves on its enclosing object: when
     * a discriminated subtype fails, every one of its properties also reads as unevaluated. Kept when
     * nothing else is wrong there, so a field Azure never sends is still reported.
     */
    private static List<Violation> withoutEchoes(List<Violation> all) {
        List<Violation> out = new ArrayList<>(all.size());
        for (Violation v : all) {
            if (!v.keyword().equals(UNEVALUATED) || !explainedElsewhere(v, all)) {
                out.add(v);
            }
        }
        return out;
    }

    private static boolean explainedElsewhere(Violation echo, List<Violation> all) {
        for (Violation other : all) {
            if (!other.keyword().equals(UNEVALUATED)
                    && (other.pointer().equals(echo.pointer()) || other.pointer().startsWith(echo.pointer() + "/"))) {
                return true;
            }
        }
        return false;
    }

    /** Parses and validates JSON text; text that is not JSON is one violation at the root. */
    public List<Violation> validate(String json) {
        try {
            return validate(Parser.MAPPER.readTree(json));
        } catch (JsonProcessingException e) {
            return List.of(new Violation("", "not JSON: " + e.getOriginalMessage(), "json", definition + ".json"));
        }
    }

    /** Whether {@code payload} conforms. */
    public boolean accepts(JsonNode payload) {
        return validate(payload).isEmpty();
    }

    private static String shortPath(Error e) {
        String location = String.valueOf(e.getSchemaLocation());
        return location.startsWith(ID_PREFIX) ? location.substring(ID_PREFIX.length()) : location;
    }
}
