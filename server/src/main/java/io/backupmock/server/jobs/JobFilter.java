package io.backupmock.server.jobs;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed jobs {@code $filter} (the spec's JobQueryObject). {@code startTime} and {@code endTime}
 * are written with {@code eq} but bound a window on the job's start time, both ends inclusive.
 * A null field does not filter.
 */
public record JobFilter(JobStatus status, JobOperation operation, BackupManagementType backupManagementType,
                        String jobId, Instant from, Instant to) {

    public static final JobFilter NONE = new JobFilter(null, null, null, null, null, null);

    private static final Set<String> FIELDS = new LinkedHashSet<>(
            List.of("status", "operation", "backupManagementType", "jobId", "startTime", "endTime"));

    /** Parses a {@code $filter} value; null or blank means no filter. */
    public static JobFilter parse(String filter) {
        Map<String, String> clauses = ODataFilter.parse(filter, FIELDS);
        if (clauses.isEmpty()) {
            return NONE;
        }
        JobStatus status = null;
        JobOperation operation = null;
        BackupManagementType managementType = null;
        Instant from = null;
        Instant to = null;
        for (Map.Entry<String, String> c : clauses.entrySet()) {
            String v = c.getValue();
            switch (c.getKey()) {
                case "status" -> status = known(c.getKey(), v, JobStatus.parse(v), JobStatus.values());
                case "operation" -> operation = known(c.getKey(), v, JobOperation.parse(v), JobOperation.values());
                case "backupManagementType" -> managementType =
                        known(c.getKey(), v, BackupManagementType.parse(v), BackupManagementType.values());
                case "startTime" -> from = FilterDates.parse(c.getKey(), v);
                case "endTime" -> to = FilterDates.parse(c.getKey(), v);
                default -> { }
            }
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new FilterException("Invalid $filter: endTime '" + clauses.get("endTime")
                    + "' is before startTime '" + clauses.get("startTime") + "'.");
        }
        return new JobFilter(status, operation, managementType, clauses.get("jobId"), from, to);
    }

    private static <T> T known(String field, String value, T parsed, Object[] allowed) {
        if (parsed == null) {
            StringBuilder names = new StringBuilder();
            for (Object a : allowed) {
                names.append(names.length() == 0 ? "" : ", ").append(a);
            }
            throw new FilterException("Invalid $filter clause \"" + field + " eq '" + value + "'\": '" + value
                    + "' is not a valid " + field + ". Valid values: " + names + ".");
        }
        return parsed;
    }

    /** Whether a job passes the filter without looking at its status (cheap; status needs a snapshot). */
    boolean matchesStatically(Job job) {
        return (operation == null || job.operation() == operation)
                && (backupManagementType == null || job.subject().backupManagementType() == backupManagementType)
                && (jobId == null || job.id().equalsIgnoreCase(jobId))
                && (from == null || !job.startTime().isBefore(from))
                && (to == null || !job.startTime().isAfter(to));
    }

    boolean matchesStatusAt(Job job, Instant now) {
        return status == null || job.statusAt(now) == status;
    }

    /** Whether a job whose status is {@code actual} passes the status part of the filter. */
    boolean matchesStatus(JobStatus actual) {
        return status == null || actual == status;
    }
}
