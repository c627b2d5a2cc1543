package io.backupmock.testkit;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** One request the emulator served to the test's client, and what it answered. Immutable. */
public final class RecordedRequest {
    private final io.backupmock.server.journal.RecordedRequest entry;

    private RecordedRequest(io.backupmock.server.journal.RecordedRequest entry) {
        this.entry = entry;
    }

    static RecordedRequest of(io.backupmock.server.journal.RecordedRequest entry) {
        return new RecordedRequest(entry);
    }

    /** 1, 2, 3… in the order the emulator served requests (of every test). */
    public long sequence() {
        return entry.sequence();
    }

    /** The test clock's instant when it was served. */
    public Instant at() {
        return entry.at();
    }

    /** e.g. {@code POST}. */
    public String method() {
        return entry.method();
    }

    /** The path as sent (not decoded: {@code %3B} stays). */
    public String rawPath() {
        return entry.rawPath();
    }

    /** The path with {@code %XX} decoded ({@code %3B} is {@code ;}), as routes match it. */
    public String path() {
        try {
            return URLDecoder.decode(rawPath().replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return rawPath();
        }
    }

    /** The query as sent, without {@code ?} (empty if none). */
    public String rawQuery() {
        return entry.rawQuery();
    }

    /** Path and query as sent, e.g. {@code /subscriptions/…/backupJobs?api-version=2019-05-13}. */
    public String uri() {
        return entry.uri();
    }

    /** First value of a request header, by case-insensitive name; null if absent. */
    public String header(String name) {
        return entry.header(name);
    }

    /** The request body as text (empty if none). */
    public String body() {
        return entry.body();
    }

    /** The request body (empty if none): a copy. */
    public byte[] bodyBytes() {
        return entry.bodyBytes();
    }

    /** The subscription the path names, or null. */
    public String subscriptionId() {
        return entry.subscriptionId();
    }

    /** The response status. */
    public int status() {
        return entry.status();
    }

    /** A response header, by case-insensitive name; null if absent. */
    public String responseHeader(String name) {
        return entry.responseHeader(name);
    }

    /** The response body as text (empty if none). */
    public String responseBody() {
        return entry.responseBody();
    }

    /** The response body (empty if none): a copy. */
    public byte[] responseBodyBytes() {
        return entry.responseBodyBytes();
    }

    /** Schema violations found in the request body or in the emulator's own answer. */
    public List<String> violations() {
        return entry.violations();
    }

    @Override
    public String toString() {
        return entry.toString();
    }
}
