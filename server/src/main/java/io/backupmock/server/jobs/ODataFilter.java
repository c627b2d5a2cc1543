package io.backupmock.server.jobs;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OData subset Azure Backup accepts in {@code $filter}: clauses {@code field eq 'value'}
 * joined by {@code and}. Each field may appear once, since the service keeps one value per field.
 */
public final class ODataFilter {
    private static final Pattern CLAUSE = Pattern.compile(
            "\\s*([A-Za-z][A-Za-z0-9_]*)\\s+(eq)\\s+'((?:[^']|'')*)'\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern AND = Pattern.compile("\\s+and\\s+", Pattern.CASE_INSENSITIVE);

    private ODataFilter() {
    }

    /**
     * Parses {@code filter} into field → value (field names as listed in {@code fields}).
     *
     * @throws FilterException naming the offending clause
     */
    public static Map<String, String> parse(String filter, Set<String> fields) {
        Map<String, String> out = new LinkedHashMap<>();
        if (filter == null || filter.isBlank()) {
            return out;
        }
        for (String clause : splitClauses(filter)) {
            Matcher m = CLAUSE.matcher(clause);
            if (!m.matches()) {
                throw new FilterException("Invalid $filter clause \"" + clause.trim()
                        + "\": expected <field> eq '<value>', clauses joined by 'and'.");
            }
            String field = canonical(m.group(1), fields);
            if (field == null) {
                throw new FilterException("Invalid $filter clause \"" + clause.trim() + "\": unknown field '"
                        + m.group(1) + "'. Supported fields: " + String.join(", ", fields) + ".");
            }
            if (out.containsKey(field)) {
                throw new FilterException("Invalid $filter clause \"" + clause.trim() + "\": field '" + field
                        + "' appears more than once.");
            }
            out.put(field, m.group(3).replace("''", "'"));
        }
        return out;
    }

    /** Splits on 'and' outside quotes, so a quoted value may contain the word. */
    private static String[] splitClauses(String filter) {
        StringBuilder masked = new StringBuilder(filter.length());
        boolean quoted = false;
        for (char c : filter.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
            }
            masked.append(quoted && c != '\'' ? '\u0000' : c);
        }
        Matcher m = AND.matcher(masked);
        java.util.List<String> parts = new java.util.ArrayList<>();
        int from = 0;
        while (m.find()) {
            parts.add(filter.substring(from, m.start()));
            from = m.end();
        }
        parts.add(filter.substring(from));
        return parts.toArray(String[]::new);
    }

    private static String canonical(String name, Set<String> fields) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String f : fields) {
            if (f.toLowerCase(Locale.ROOT).equals(lower)) {
                return f;
            }
        }
        return null;
    }
}
