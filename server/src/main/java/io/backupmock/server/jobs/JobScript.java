package io.backupmock.server.jobs;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.backupmock.server.clock.TimeLimits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The life of one job, decided up front: what it does, its tasks and how long each runs, how it
 * ends, whether it can be cancelled, and how the operation that creates it behaves. The same type
 * is read from scenario files and built in Java with {@link #builder}.
 *
 * @param operation        the job's operation; in a vault's queue of next jobs, null matches any trigger
 * @param jobType          the Job subtype; null means the one that fits the protected item
 * @param tasks            run one after the other; the job runs for their total
 * @param duration         how long a job without tasks runs (null: no time at all)
 * @param outcome          Completed, CompletedWithWarnings or Failed
 * @param errorDetails     errors of a failed job, warnings of one completed with warnings
 * @param cancellable      whether a cancel is accepted while the job runs
 * @param cancellationTime how long the job stays Cancelling before it is Cancelled
 * @param propertyBag      extra entries of {@code extendedInfo.propertyBag}
 * @param trigger          the asynchronous operation that creates the job; null (not given) takes the
 *                         scenario's for the job's operation when the job is triggered
 * @param cancelTooLate    a cancel is accepted but arrives as the job completes: the job runs on to
 *                         its outcome and the cancellation's result reports it failed
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record JobScript(
        JobOperation operation,
        JobType jobType,
        List<TaskScript> tasks,
        Duration duration,
        JobStatus outcome,
        List<JobErrorDetail> errorDetails,
        Boolean cancellable,
        Duration cancellationTime,
        Map<String, String> propertyBag,
        OperationScript trigger,
        Boolean cancelTooLate) {

    public static final Duration DEFAULT_CANCELLATION_TIME = Duration.ofSeconds(2);

    public JobScript {
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
        errorDetails = errorDetails == null ? List.of() : List.copyOf(errorDetails);
        propertyBag = propertyBag == null ? Map.of() : Map.copyOf(propertyBag);
        outcome = outcome == null ? JobStatus.Completed : outcome;
        cancellable = cancellable == null ? Boolean.TRUE : cancellable;
        cancellationTime = cancellationTime == null ? DEFAULT_CANCELLATION_TIME : cancellationTime;
        cancelTooLate = Boolean.TRUE.equals(cancelTooLate) ? Boolean.TRUE : null;
        if (outcome != JobStatus.Completed && outcome != JobStatus.CompletedWithWarnings && outcome != JobStatus.Failed) {
            throw new IllegalArgumentException(
                    "outcome must be Completed, CompletedWithWarnings or Failed, not " + outcome);
        }
        if (!tasks.isEmpty() && duration != null) {
            throw new IllegalArgumentException(
                    "give either tasks or duration, not both: a job with tasks runs for their total");
        }
        if (duration != null && duration.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative: " + duration);
        }
        if (cancellationTime.isNegative()) {
            throw new IllegalArgumentException("cancellationTime must not be negative: " + cancellationTime);
        }
        TimeLimits.requireDuration("cancellationTime", cancellationTime);
        if (duration != null) {
            TimeLimits.requireDuration("duration", duration);
        }
        Duration total = Duration.ZERO;
        for (TaskScript task : tasks) {
            total = total.plus(task.duration()); // each at most a hundred years: no overflow
        }
        TimeLimits.requireDuration("the total duration of the tasks", total);
    }

    /** How long the job runs when nobody cancels it. */
    @JsonIgnore
    public Duration totalDuration() {
        if (tasks.isEmpty()) {
            return duration == null ? Duration.ZERO : duration;
        }
        Duration total = Duration.ZERO;
        for (TaskScript task : tasks) {
            total = total.plus(task.duration());
        }
        return total;
    }

    /** The script's trigger, or {@code inherited} when it gives none. */
    public OperationScript triggerOr(OperationScript inherited) {
        return trigger != null ? trigger : inherited;
    }

    @JsonIgnore
    public boolean isCancellable() {
        return cancellable;
    }

    @JsonIgnore
    public boolean cancelsTooLate() {
        return Boolean.TRUE.equals(cancelTooLate);
    }

    public JobScript withOperation(JobOperation op) {
        return new JobScript(op, jobType, tasks, duration, outcome, errorDetails, cancellable, cancellationTime,
                propertyBag, trigger, cancelTooLate);
    }

    public static Builder builder(JobOperation operation) {
        return new Builder(operation);
    }

    /** A script for the next Backup job. */
    public static Builder backup() {
        return builder(JobOperation.Backup);
    }

    /** A script for the next Restore job. */
    public static Builder restore() {
        return builder(JobOperation.Restore);
    }

    /** A script for the next job of any operation. */
    public static Builder anyJob() {
        return builder(null);
    }

    public Builder toBuilder() {
        Builder b = new Builder(operation);
        b.jobType = jobType;
        b.tasks.addAll(tasks);
        b.duration = duration;
        b.outcome = outcome;
        b.errorDetails.addAll(errorDetails);
        b.cancellable = cancellable;
        b.cancellationTime = cancellationTime;
        b.propertyBag.putAll(propertyBag);
        b.trigger = trigger;
        b.cancelTooLate = cancelsTooLate();
        return b;
    }

    /** Fluent construction, e.g. {@code JobScript.builder(Backup).task("Take Snapshot", ofMinutes(2)).failsWith(err).build()}. */
    public static final class Builder {
        private final JobOperation operation;
        private JobType jobType;
        private final List<TaskScript> tasks = new ArrayList<>();
        private Duration duration;
        private JobStatus outcome = JobStatus.Completed;
        private final List<JobErrorDetail> errorDetails = new ArrayList<>();
        private boolean cancellable = true;
        private Duration cancellationTime = DEFAULT_CANCELLATION_TIME;
        private final Map<String, String> propertyBag = new LinkedHashMap<>();
        private OperationScript trigger;
        private boolean cancelTooLate;

        private Builder(JobOperation operation) {
            this.operation = operation;
        }

        public Builder jobType(JobType type) {
            this.jobType = type;
            return this;
        }

        public Builder task(String name, Duration runsFor) {
            tasks.add(new TaskScript(name, runsFor));
            return this;
        }

        public Builder duration(Duration runsFor) {
            this.duration = runsFor;
            return this;
        }

        public Builder completes() {
            this.outcome = JobStatus.Completed;
            return this;
        }

        public Builder completesWithWarnings(JobErrorDetail... warnings) {
            this.outcome = JobStatus.CompletedWithWarnings;
            errorDetails.addAll(List.of(warnings));
            return this;
        }

        public Builder fails(JobErrorDetail... errors) {
            this.outcome = JobStatus.Failed;
            errorDetails.addAll(List.of(errors));
            return this;
        }

        public Builder cancellable(boolean value) {
            this.cancellable = value;
            return this;
        }

        public Builder cancellationTime(Duration value) {
            this.cancellationTime = value;
            return this;
        }

        public Builder property(String key, String value) {
            propertyBag.put(key, value);
            return this;
        }

        /** How the job's operation behaves; not given, the scenario's for the job's operation applies. */
        public Builder trigger(OperationScript value) {
            this.trigger = value;
            return this;
        }

        /** A cancel is accepted but arrives as the job completes, so the job runs on to its outcome. */
        public Builder cancelArrivesTooLate() {
            this.cancelTooLate = true;
            return this;
        }

        public JobScript build() {
            return new JobScript(operation, jobType, tasks, duration, outcome, errorDetails, cancellable,
                    cancellationTime, propertyBag, trigger, cancelTooLate);
        }
    }
}
