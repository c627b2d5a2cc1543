package io.backupmock.testkit;

import java.util.List;
import java.util.Objects;

/**
 * An entry of a job's {@code errorDetails}: an error of a failed job, or a warning of one that
 * completes with warnings. E.g. {@code JobErrorDetail.of(400002, "UserErrorVmNotFoundV2",
 * "Virtual machine doesn't exist.", "Make sure the virtual machine exists.")}.
 */
public final class JobErrorDetail {
    private final io.backupmock.server.jobs.JobErrorDetail detail;

    private JobErrorDetail(io.backupmock.server.jobs.JobErrorDetail detail) {
        this.detail = detail;
    }

    /** An error as IaaS VM jobs report it: its code, title, text and recommendations. */
    public static JobErrorDetail of(int errorCode, String errorTitle, String errorString, String... recommendations) {
        return new JobErrorDetail(io.backupmock.server.jobs.JobErrorDetail.of(errorCode, errorTitle, errorString,
                recommendations));
    }

    /** A warning of a job that completes with warnings: just its text and recommendations. */
    public static JobErrorDetail warning(String errorString, String... recommendations) {
        return new JobErrorDetail(io.backupmock.server.jobs.JobErrorDetail.warning(errorString, recommendations));
    }

    static JobErrorDetail of(io.backupmock.server.jobs.JobErrorDetail detail) {
        return new JobErrorDetail(detail);
    }

    /** Null for a warning. */
    public Integer errorCode() {
        return detail.errorCode();
    }

    /** Null for a warning. */
    public String errorTitle() {
        return detail.errorTitle();
    }

    public String errorString() {
        return detail.errorString();
    }

    public List<String> recommendations() {
        return detail.recommendations();
    }

    io.backupmock.server.jobs.JobErrorDetail model() {
        return detail;
    }

    static List<io.backupmock.server.jobs.JobErrorDetail> models(JobErrorDetail... details) {
        return java.util.Arrays.stream(details).map(d -> Objects.requireNonNull(d, "error detail").detail).toList();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JobErrorDetail other && detail.equals(other.detail);
    }

    @Override
    public int hashCode() {
        return detail.hashCode();
    }

    @Override
    public String toString() {
        return detail.toString().replace("JobErrorDetail[", "JobErrorDetail{").replaceAll("]$", "}");
    }
}
