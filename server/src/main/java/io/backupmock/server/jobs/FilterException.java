package io.backupmock.server.jobs;

/** A {@code $filter} that cannot be understood; the message names the clause and what is wrong with it. */
public final class FilterException extends RuntimeException {
    public FilterException(String message) {
        super(message);
    }
}
