package io.backupmock.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Assertions on a JobResource, e.g. {@code assertThatJob(body).hasStatus(Completed).hasTask("Take Snapshot", "Completed")}. */
public final class JobResourceAssert extends PayloadAssert<JobResourceAssert> {

    JobResourceAssert(JsonNode actual) {
        super(actual, JobResourceAssert.class);
    }

    public JobResourceAssert hasStatus(JobStatus expected) {
        return hasStatus(expected.name());
    }

    public JobResourceAssert hasStatus(String expected) {
        return property("status", expected);
    }

    public JobResourceAssert hasJobType(String expected) {
        return property("jobType", expected);
    }

    public JobResourceAssert hasOperation(String expected) {
        return property("operation", expected);
    }

    /** The job has reached Completed, CompletedWithWarnings, Failed or Cancelled. */
    public JobResourceAssert isFinished() {
        isNotNull();
        JobStatus status = JobStatus.parse(text("/properties/status"));
        if (status == null || !status.isTerminal()) {
            failWithMessage("Expecting job %s to have finished but its status is <%s>", id(), text("/properties/status"));
        }
        return myself;
    }

    /** A task of {@code extendedInfo.tasksList} with this id has this status. */
    public JobResourceAssert hasTask(String taskId, String status) {
        isNotNull();
        StringBuilder seen = new StringBuilder();
        for (JsonNode task : actual.at("/properties/extendedInfo/tasksList")) {
            String id = task.path("taskId").asText();
            seen.append(seen.length() == 0 ? "" : ", ").append(id).append('=').append(task.path("status").asText());
            if (id.equals(taskId)) {
                if (!task.path("status").asText().equals(status)) {
                    failWithActualExpectedAndMessage(task.path("status").asText(), status,
                            "Expecting task <%s> of job %s to be <%s> but was <%s>%ntasks: [%s]", taskId, id(),
                            status, task.path("status").asText(), seen);
                }
                return myself;
            }
        }
        failWithMessage("Expecting job %s to have a task <%s> but its tasks are [%s]", id(), taskId, seen);
        return myself;
    }

    /** One of the job's {@code errorDetails} has this {@code errorCode}. */
    public JobResourceAssert hasErrorCode(int errorCode) {
        isNotNull();
        StringBuilder seen = new StringBuilder();
        for (JsonNode error : actual.at("/properties/errorDetails")) {
            if (error.path("errorCode").asInt(Integer.MIN_VALUE) == errorCode) {
                return myself;
            }
            seen.append(seen.length() == 0 ? "" : ", ").append(error.path("errorCode").asText("(none)"));
        }
        failWithMessage("Expecting job %s to report errorCode <%d> but its errorDetails have [%s]", id(), errorCode,
                seen);
        return myself;
    }

    /** The job has an {@code endTime} after {@code instant}. */
    public JobResourceAssert endedAfter(Instant instant) {
        isNotNull();
        String end = text("/properties/endTime");
        if (end == null) {
            failWithMessage("Expecting job %s to have ended after %s but it has no endTime (status <%s>)", id(),
                    instant, text("/properties/status"));
        }
        try {
            if (!Instant.parse(end).isAfter(instant)) {
                failWithMessage("Expecting job %s to have ended after %s but it ended at %s", id(), instant, end);
            }
        } catch (DateTimeParseException e) {
            failWithMessage("Expecting job %s to have an ISO-8601 endTime but it is <%s>", id(), end);
        }
        return myself;
    }

    private JobResourceAssert property(String name, String expected) {
        isNotNull();
        String value = text("/properties/" + name);
        if (!expected.equals(value)) {
            failWithActualExpectedAndMessage(value, expected, "Expecting job %s to have %s <%s> but was <%s>", id(), name,
                    expected, value);
        }
        return myself;
    }

    private String id() {
        String name = text("/name");
        return name == null ? "(unnamed)" : name;
    }
}
