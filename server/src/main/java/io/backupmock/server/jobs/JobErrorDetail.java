package io.backupmock.server.jobs;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An entry of a job's {@code errorDetails}, named as on the wire. Failed jobs carry their errors
 * here, jobs that complete with warnings their warnings. Job types whose error info has no
 * {@code errorCode} or {@code errorTitle} (DPM, MAB) leave those out when rendered.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobErrorDetail(Integer errorCode, String errorTitle, String errorString, List<String> recommendations) {
    public JobErrorDetail {
        recommendations = recommendations == null ? List.of() : List.copyOf(recommendations);
    }

    /** An error as IaaS VM jobs report it, e.g. {@code of(400002, "UserErrorVmNotFoundV2", "Virtual machine doesn't exist.")}. */
    public static JobErrorDetail of(int errorCode, String errorTitle, String errorString, String... recommendations) {
        return new JobErrorDetail(errorCode, errorTitle, errorString, List.of(recommendations));
    }

    /** A warning of a job that completes with warnings: just its text. */
    public static JobErrorDetail warning(String errorString, String... recommendations) {
        return new JobErrorDetail(null, null, errorString, List.of(recommendations));
    }
}
