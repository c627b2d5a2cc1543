package io.backupmock.server.control;

/**
 * A command the control surface refused, and why, in one message whatever door it came through.
 * Each door only translates the kind: the admin API to a status code, a configuration file to a
 * start-up error naming the file, Java callers see the exception itself.
 */
public final class ControlException extends IllegalArgumentException {
    /** What kind of refusal: the admin API answers 400, 404 or 409. */
    public enum Kind { INVALID, NOT_FOUND, CONFLICT }

    private final Kind kind;
    private final String code;

    private ControlException(Kind kind, String code, String message) {
        super(message);
        this.kind = kind;
        this.code = code;
    }

    static ControlException invalid(String message) {
        return new ControlException(Kind.INVALID, "InvalidInput", message);
    }

    static ControlException notFound(String message) {
        return new ControlException(Kind.NOT_FOUND, "ResourceNotFound", message);
    }

    static ControlException conflict(String code, String message) {
        return new ControlException(Kind.CONFLICT, code, message);
    }

    public Kind kind() {
        return kind;
    }

    /** A short code for the refusal, e.g. {@code JobNotRunning}. */
    public String code() {
        return code;
    }
}
