package io.backupmock.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The message of a violation, said so a person can act on it: an unknown property is named with
 * the closest allowed name ({@code unknown property 'expiryTimeUTC'; did you mean
 * 'recoveryPointExpiryTimeInUTC'?}), a bad date-time says what one looks like. Other keywords keep
 * the validator's own message.
 */
final class ViolationMessages {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Map<String, JsonNode> DOCUMENTS = new ConcurrentHashMap<>();

    private ViolationMessages() {
    }

    static String of(Error e) {
        try {
            return switch (e.getKeyword()) {
                case "unevaluatedProperties", "additionalProperties" -> unknownProperty(e);
                case "format" -> badFormat(e);
                default -> e.getMessage();
            };
        } catch (RuntimeException unexpected) {
            return e.getMessage();
        }
    }

    private static String unknownProperty(Error e) {
        String property = e.getProperty();
        if (property == null) {
            return e.getMessage();
        }
        String location = String.valueOf(e.getSchemaLocation());
        int hash = location.indexOf('#');
        String file = location.substring(location.lastIndexOf('/', hash < 0 ? location.length() : hash) + 1,
                hash < 0 ? location.length() : hash);
        String pointer = hash < 0 ? "" : location.substring(hash + 1);
        int keyword = pointer.lastIndexOf('/');
        JsonNode schema = document(file).at(keyword < 0 ? "" : pointer.substring(0, keyword));
        JsonNode instance = e.getInstanceNode();
        Set<String> allowed = new TreeSet<>();
        collect(schema, instance != null && instance.isObject() ? instance : null, allowed, new TreeSet<>());
        String closest = closest(property, allowed);
        return "unknown property '" + property + "'" + (closest == null ? "" : "; did you mean '" + closest + "'?");
    }

    private static String badFormat(Error e) {
        JsonNode format = e.getSchemaNode();
        String name = format != null && format.isTextual() ? format.asText() : "";
        JsonNode value = e.getInstanceNode();
        String shown = value == null ? "the value" : value.isTextual() ? "'" + value.asText() + "'" : value.toString();
        return switch (name) {
            case "date-time" -> shown + " is not an RFC 3339 date-time such as 2026-11-25T08:00:00Z";
            case "int32", "int64" -> shown + " is not a whole number of the " + name + " range";
            case "" -> e.getMessage();
            default -> shown + " is not a valid " + name;
        };
    }

    /**
     * The property names {@code schema} declares for {@code instance}: its own, those of what it
     * {@code $ref}s and of every {@code allOf} branch, and of each {@code if}/{@code then} subtype
     * whose discriminator the instance names (every subtype when it names none).
     */
    static void collect(JsonNode schema, JsonNode instance, Set<String> out, Set<String> seenFiles) {
        if (schema == null || !schema.isObject()) {
            return;
        }
        schema.path("properties").fieldNames().forEachRemaining(out::add);
        String ref = schema.path("$ref").asText(null);
        if (ref != null && !ref.startsWith("#") && seenFiles.add(ref)) {
            collect(document(ref), instance, out, seenFiles);
        }
        for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
            for (JsonNode branch : schema.path(combinator)) {
                collect(branch, instance, out, seenFiles);
            }
        }
        if (schema.has("then") && applies(schema.get("if"), instance)) {
            collect(schema.get("then"), instance, out, seenFiles);
        }
    }

    /** Whether the {@code if} of a discriminated subtype picks {@code instance}; true when it cannot tell. */
    private static boolean applies(JsonNode condition, JsonNode instance) {
        if (condition == null || instance == null) {
            return true;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = condition.path("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode constant = field.getValue().get("const");
            JsonNode given = instance.get(field.getKey());
            if (constant != null && given != null && !constant.equals(given)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The allowed name closest to {@code name}: one holding most of its words (camelCase parts, so
     * {@code expiryTimeUTC} finds {@code recoveryPointExpiryTimeInUTC}), else one a few typing
     * mistakes away (Levenshtein); null when none is close.
     */
    static String closest(String name, Set<String> allowed) {
        List<String> words = words(name);
        String best = null;
        int bestShared = 0;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : allowed) {
            List<String> theirs = words(candidate);
            int shared = 0;
            for (String w : words) {
                if (theirs.contains(w)) {
                    shared++;
                }
            }
            int distance = EditDistance.between(name.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (shared > bestShared || shared == bestShared && distance < bestDistance) {
                best = candidate;
                bestShared = shared;
                bestDistance = distance;
            }
        }
        if (best == null) {
            return null;
        }
        boolean mostWordsShared = bestShared * 2 > words.size() && words.size() > 1;
        boolean fewTypos = bestDistance <= Math.max(2, name.length() / 3);
        return mostWordsShared || fewTypos ? best : null;
    }

    /** The lower-cased words of a camelCase, snake_case or kebab-case name; a run of capitals is one word. */
    static List<String> words(String name) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean boundary = !Character.isLetterOrDigit(c)
                    || Character.isUpperCase(c) && i > 0 && (Character.isLowerCase(name.charAt(i - 1))
                    || i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1)) && Character.isUpperCase(name.charAt(i - 1)));
            if (boundary && word.length() > 0) {
                out.add(word.toString().toLowerCase(Locale.ROOT));
                word.setLength(0);
            }
            if (Character.isLetterOrDigit(c)) {
                word.append(c);
            }
        }
        if (word.length() > 0) {
            out.add(word.toString().toLowerCase(Locale.ROOT));
        }
        return out;
    }

    private static JsonNode document(String file) {
        return DOCUMENTS.computeIfAbsent(file, f -> {
            try (InputStream in = ViolationMessages.class.getClassLoader()
                    .getResourceAsStream(Schemas.RESOURCE_DIR + f)) {
                return in == null ? MAPPER.missingNode() : MAPPER.readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
