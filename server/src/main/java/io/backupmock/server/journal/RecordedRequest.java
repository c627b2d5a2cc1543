package io.backupmock.server.journal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One request the emulator served and what it answered.
 *
 * @param sequence         1, 2, 3… in the order served
 * @param at               the emulator clock's instant when it was served
 * @param method           e.g. {@code POST}
 * @param rawPath          the path as sent (not decoded)
 * @param rawQuery         the query as sent, without {@code ?} (empty if none)
 * @param headers          request headers, names lower-case
 * @param subscriptionId   the subscription the path names, or null
 * @param status           the response status
 * @param responseHeaders  response headers, names lower-case
 * @param violations       schema violations found in the request body or in the emulator's own answer
 */
public record RecordedRequest(long sequence, Instant at, String method, String rawPath, String rawQuery,
                              Map<String, List<String>> headers, byte[] bodyBytes, String subscriptionId, int status,
                              Map<String, String> responseHeaders, byte[] responseBodyBytes, List<String> violations) {

    /** The least an entry counts for against the journal's size bound, however small. */
    static final long LEAST_SIZE = 256;

    /** Roughly what the entry holds in memory, for the journal's size bound. */
    long size() {
        return LEAST_SIZE + bodyBytes.length + responseBodyBytes.length
                + 48L * (headers.size() + responseHeaders.size())
                + HeaderTable.characters(headers) + HeaderTable.characters(responseHeaders);
    }

    /** The request body (empty if none): a copy. */
    @Override
    public byte[] bodyBytes() {
        return bodyBytes.clone();
    }

    /**
     * The response body (empty if none): a copy, since the array itself may be what the emulator
     * sends again (a finished job's details).
     */
    @Override
    public byte[] responseBodyBytes() {
        return responseBodyBytes.clone();
    }

    /** The request body as text (empty if none). */
    public String body() {
        return new String(bodyBytes, StandardCharsets.UTF_8);
    }

    /** The response body as text (empty if none). */
    public String responseBody() {
        return new String(responseBodyBytes, StandardCharsets.UTF_8);
    }

    /** First value of a request header, by case-insensitive name; null if absent. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** A response header, by case-insensitive name; null if absent. */
    public String responseHeader(String name) {
        return responseHeaders.get(name.toLowerCase(Locale.ROOT));
    }

    /** Path and query as sent, e.g. {@code /subscriptions/…/backupJobs?api-version=2019-05-13}. */
    public String uri() {
        return rawQuery.isEmpty() ? rawPath : rawPath + "?" + rawQuery;
    }

    @Override
    public String toString() {
        return "#" + sequence + " " + at + " " + method + " " + uri() + " -> " + status;
    }
}
