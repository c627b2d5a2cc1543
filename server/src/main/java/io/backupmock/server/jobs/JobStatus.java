package io.backupmock.server.jobs;

/** The spec's JobStatus values (note the two l's of {@code Cancelled}). */
public enum JobStatus {
    InProgress, Completed, Failed, CompletedWithWarnings, Cancelled, Cancelling;

    public boolean isTerminal() {
        return this == Completed || this == CompletedWithWarnings || this == Failed || this == Cancelled;
    }

    /** Parses a wire value case-insensitively, or returns null. */
    public static JobStatus parse(String value) {
        for (JobStatus s : values()) {
            if (s.name().equalsIgnoreCase(value)) {
                return s;
            }
        }
        return null;
    }
}
