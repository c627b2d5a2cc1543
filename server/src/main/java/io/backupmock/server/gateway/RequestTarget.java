package io.backupmock.server.gateway;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The request's path and query, parsed from the raw URI: a raw {@code ;} is part of a name (item
 * names contain it) not the start of path parameters, {@code %3B} decodes to it, empty segments
 * ({@code //}) are dropped, and query names are matched case-insensitively after decoding
 * ({@code %24filter} is {@code $filter}; {@code +} and {@code %20} are spaces).
 */
public final class RequestTarget {
    private final String rawUri;
    private final String rawQuery;
    private final String rawPath;
    private final List<String> segments;
    private final Map<String, String> query;
    /** The routes routers matched this target to (see {@link Router#match(String, RequestTarget)}). */
    Router.Memo memo;

    private RequestTarget(String rawUri, String rawQuery, String rawPath, List<String> segments,
                          Map<String, String> query) {
        this.rawUri = rawUri;
        this.rawQuery = rawQuery;
        this.rawPath = rawPath;
        this.segments = segments;
        this.query = query;
    }

    /** Whether this target was parsed from this raw path and query. */
    boolean is(String rawUri, String rawQuery) {
        return this.rawUri.equals(rawUri) && Objects.equals(this.rawQuery, rawQuery);
    }

    /**
     * @param rawUri   the request-target as sent, without the query (an absolute URI is accepted)
     * @param rawQuery the query string as sent, or null
     */
    public static RequestTarget parse(String rawUri, String rawQuery) {
        String path = stripSchemeAndHost(rawUri);
        List<String> segments = new ArrayList<>(12);
        int from = 0;
        while (from <= path.length()) {
            int slash = path.indexOf('/', from);
            int to = slash < 0 ? path.length() : slash;
            if (to > from) {
                segments.add(decodePath(path.substring(from, to)));
            }
            from = to + 1;
        }
        return new RequestTarget(rawUri, rawQuery, path, Collections.unmodifiableList(segments),
                Collections.unmodifiableMap(parseQuery(rawQuery)));
    }

    public String rawPath() {
        return rawPath;
    }

    public List<String> segments() {
        return segments;
    }

    /** First value of a query parameter, by case-insensitive name; null if absent. */
    public String query(String name) {
        return query.get(name.toLowerCase(Locale.ROOT));
    }

    private static String stripSchemeAndHost(String uri) {
        if (uri.startsWith("/")) {
            return uri; // origin-form, as nearly every request's target is: no scheme to look for
        }
        int scheme = uri.indexOf("://");
        if (scheme > 0 && uri.indexOf('/') > scheme) {
            int slash = uri.indexOf('/', scheme + 3);
            return slash < 0 ? "/" : uri.substring(slash);
        }
        return uri;
    }

    private static String decodePath(String segment) {
        if (segment.indexOf('%') < 0) {
            return segment;
        }
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("InvalidRequestUri", "The request URI has an invalid escape sequence in '"
                    + segment + "'.");
        }
    }

    private static Map<String, String> parseQuery(String raw) {
        Map<String, String> out = new HashMap<>(4);
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        int from = 0;
        while (from <= raw.length()) {
            int amp = raw.indexOf('&', from);
            int to = amp < 0 ? raw.length() : amp;
            if (to > from) {
                int eq = raw.indexOf('=', from);
                boolean hasValue = eq >= 0 && eq < to;
                String name = decodeQuery(raw.substring(from, hasValue ? eq : to));
                String value = hasValue ? decodeQuery(raw.substring(eq + 1, to)) : "";
                out.putIfAbsent(name.toLowerCase(Locale.ROOT), value);
            }
            from = to + 1;
        }
        return out;
    }

    private static String decodeQuery(String s) {
        if (s.indexOf('%') < 0 && s.indexOf('+') < 0) {
            return s; // nothing to decode: what most names and values are
        }
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("InvalidRequestUri", "The query string has an invalid escape sequence in '"
                    + s + "'.");
        }
    }
}
