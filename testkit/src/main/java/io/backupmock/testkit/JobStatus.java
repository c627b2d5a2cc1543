package io.backupmock.testkit;

/** A job's {@code status}, as the spec names it (note the two l's of {@code Cancelled}). */
public enum JobStatus {
    InProgress, Completed, Failed, CompletedWithWarnings, Cancelled, Cancelling;

    /** Completed, CompletedWithWarnings, Failed or Cancelled: it never changes again. */
    public boolean isTerminal() {
        return this == Completed || this == CompletedWithWarnings || this == Failed || this == Cancelled;
    }

    /** A wire value, case-insensitively, or null if it is none of these. */
    public static JobStatus parse(String value) {
        for (JobStatus s : values()) {
            if (s.name().equalsIgnoreCase(value)) {
                return s;
            }
        }
        return null;
    }

    static JobStatus of(io.backupmock.server.jobs.JobStatus status) {
        return valueOf(status.name());
    }
}
