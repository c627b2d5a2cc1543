package io.backupmock.server.jobs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The OData subset Azure Backup accepts in {@code $filter}: clauses {@code field eq 'value'}
 * joined by {@code and}. Each field may appear once, since the service keeps one value per field.
 * Read by a hand-written scanner that looks at each character a bounded number of times and never
 * recurses, so neither its time nor its stack grows faster than the input; the input's length is
 * capped at {@link #MAX_LENGTH}.
 */
public final class ODataFilter {
    /** The longest {@code $filter} read; every valid filter of the jobs list fits with room to spare. */
    public static final int MAX_LENGTH = 2048;
    private static final int SHOWN = 200;

    private ODataFilter() {
    }

    /**
     * Parses {@code filter} into field → value (field names as listed in {@code fields}).
     *
     * @throws FilterException naming the offending clause, or the length limit
     */
    public static Map<String, String> parse(String filter, Set<String> fields) {
        Map<String, String> out = new LinkedHashMap<>();
        if (filter == null || filter.isBlank()) {
            return out;
        }
        if (filter.length() > MAX_LENGTH) {
            throw new FilterException("Invalid $filter: it is " + filter.length() + " characters long; the limit is "
                    + MAX_LENGTH + " characters.");
        }
        for (String clause : splitClauses(filter)) {
            String[] parsed = clause(clause);
            if (parsed == null) {
                throw new FilterException("Invalid $filter clause \"" + shown(clause.trim())
                        + "\": expected <field> eq '<value>', clauses joined by 'and'.");
            }
            String field = canonical(parsed[0], fields);
            if (field == null) {
                throw new FilterException("Invalid $filter clause \"" + shown(clause.trim()) + "\": unknown field '"
                        + shown(parsed[0]) + "'. Supported fields: " + String.join(", ", fields) + ".");
            }
            if (out.containsKey(field)) {
                throw new FilterException("Invalid $filter clause \"" + shown(clause.trim()) + "\": field '" + field
                        + "' appears more than once.");
            }
            out.put(field, parsed[1]);
        }
        return out;
    }

    /** {@code <name> eq '<value>'} with optional white space around: {name, unescaped value}, or null. */
    private static String[] clause(String s) {
        int n = s.length();
        int i = skipSpace(s, 0);
        int nameStart = i;
        if (i >= n || !isAsciiLetter(s.charAt(i))) {
            return null;
        }
        while (i < n && (isAsciiLetter(s.charAt(i)) || isAsciiDigit(s.charAt(i)) || s.charAt(i) == '_')) {
            i++;
        }
        String name = s.substring(nameStart, i);
        int afterName = i;
        i = skipSpace(s, i);
        if (i == afterName || !s.regionMatches(true, i, "eq", 0, 2)) {
            return null;
        }
        i += 2;
        int afterEq = i;
        i = skipSpace(s, i);
        if (i == afterEq || i >= n || s.charAt(i) != '\'') {
            return null;
        }
        i++;
        StringBuilder value = new StringBuilder();
        while (true) {
            if (i >= n) {
                return null; // unterminated quote
            }
            char c = s.charAt(i);
            if (c == '\'') {
                if (i + 1 < n && s.charAt(i + 1) == '\'') {
                    value.append('\'');
                    i += 2;
                    continue;
                }
                i++;
                break;
            }
            value.append(c);
            i++;
        }
        return skipSpace(s, i) == n ? new String[] {name, value.toString()} : null;
    }

    /** Splits on {@code and} (white space on both sides) outside quotes, so a quoted value may contain the word. */
    private static List<String> splitClauses(String filter) {
        List<String> parts = new ArrayList<>();
        int n = filter.length();
        boolean quoted = false;
        int from = 0;
        int i = 0;
        while (i < n) {
            char c = filter.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
                i++;
                continue;
            }
            if (!quoted && isSpace(c)) {
                int wordStart = skipSpace(filter, i);
                if (wordStart + 3 < n && filter.regionMatches(true, wordStart, "and", 0, 3)
                        && isSpace(filter.charAt(wordStart + 3))) {
                    parts.add(filter.substring(from, i));
                    from = skipSpace(filter, wordStart + 3);
                    i = from;
                    continue;
                }
                i = wordStart;
                continue;
            }
            i++;
        }
        parts.add(filter.substring(from));
        return parts;
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && isSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The white space of the former regular expression's {@code \s}. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** A clause as quoted in a message: long ones are cut, so an error message stays small. */
    private static String shown(String text) {
        return text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "…";
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
