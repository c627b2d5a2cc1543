package io.backupmock.testkit;

import java.time.Duration;

/**
 * How the asynchronous operation of a trigger behaves: InProgress for a while, then Succeeded
 * carrying the job's id, or Failed with an error (and then no job is made). Unscripted, a trigger's
 * operation follows the scenario's default for its operation (two seconds for a backup).
 */
public final class OperationScript {
    private final io.backupmock.server.jobs.OperationScript script;

    private OperationScript(io.backupmock.server.jobs.OperationScript script) {
        this.script = script;
    }

    /** Reports InProgress for {@code duration}, then Succeeded with the job's id. */
    public static OperationScript succeedsAfter(Duration duration) {
        return new OperationScript(new io.backupmock.server.jobs.OperationScript(duration, null));
    }

    /** Reports InProgress for {@code duration}, then Failed with this error; no job is made. */
    public static OperationScript failsAfter(Duration duration, String code, String message) {
        return new OperationScript(new io.backupmock.server.jobs.OperationScript(duration,
                new io.backupmock.server.jobs.OperationScript.OperationError(code, message)));
    }

    io.backupmock.server.jobs.OperationScript model() {
        return script;
    }

    @Override
    public String toString() {
        return "OperationScript{inProgressFor=" + script.inProgressFor()
                + (script.error() == null ? "" : ", error=" + script.error().code()) + "}";
    }
}
