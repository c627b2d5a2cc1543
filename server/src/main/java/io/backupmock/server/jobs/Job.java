package io.backupmock.server.jobs;

import java.lang.ref.SoftReference;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * A job: its script, what it works on, and the instants that matter (start, cancel requested).
 * Its status at any instant is computed from these, never stored, so a clock moves every job at
 * once and a status can only move forward as the clock does: InProgress, then Completed,
 * CompletedWithWarnings or Failed; or InProgress, Cancelling, Cancelled.
 */
public final class Job {
    private final String id;
    private final String activityId;
    private final JobOperation operation;
    private final JobType jobType;
    private final JobSubject subject;
    private final JobScript script;
    private final Instant start;
    private final Instant naturalEnd;
    /** What happened to the job after it started; replaced whole, under this job's lock. */
    private volatile Marks marks = Marks.NONE;
    /** The latest instant any reading of this job was taken at (guarded by this). */
    private Instant observed;
    private volatile SoftReference<EndedForm> endedForm;

    public Job(String id, JobOperation operation, JobType jobType, JobSubject subject, JobScript script, Instant start) {
        this.id = Objects.requireNonNull(id, "id");
        this.activityId = UUID.randomUUID().toString();
        this.operation = Objects.requireNonNull(operation, "operation");
        this.jobType = Objects.requireNonNull(jobType, "jobType");
        this.subject = Objects.requireNonNull(subject, "subject");
        this.script = Objects.requireNonNull(script, "script");
        this.start = Objects.requireNonNull(start, "start");
        this.naturalEnd = start.plus(script.totalDuration());
    }

    public String id() {
        return id;
    }

    public String activityId() {
        return activityId;
    }

    public JobOperation operation() {
        return operation;
    }

    public JobType jobType() {
        return jobType;
    }

    public JobSubject subject() {
        return subject;
    }

    public JobScript script() {
        return script;
    }

    public Instant startTime() {
        return start;
    }

    /** The instant the job ends when left alone. */
    public Instant naturalEnd() {
        return naturalEnd;
    }

    /**
     * The instants that change a job after it starts, read together: a reading never mixes the
     * marks of before a cancel with those of after it.
     */
    private record Marks(Instant cancelRequestedAt, Instant cancelIgnoredAt, Instant failedAt,
                         List<JobErrorDetail> failure) {
        static final Marks NONE = new Marks(null, null, null, List.of());
    }

    /**
     * The job as one request sees it at instant {@code t}: its status, and its snapshot when
     * wanted, both from the same marks. Taking a reading records {@code t}, and a later cancel or
     * fault takes effect no earlier than any instant already read, so a status once answered
     * never changes afterwards (a Completed job does not turn Cancelled).
     */
    public Reading read(Instant t) {
        return new Reading(this, t, observe(t));
    }

    /** One consistent reading of a job (see {@link #read}). */
    public static final class Reading {
        private final Job job;
        private final Instant at;
        private final Marks marks;

        private Reading(Job job, Instant at, Marks marks) {
            this.job = job;
            this.at = at;
            this.marks = marks;
        }

        public JobStatus status() {
            return job.statusAt(at, marks);
        }

        public JobSnapshot snapshot() {
            return job.snapshotAt(at, marks);
        }
    }

    private synchronized Marks observe(Instant t) {
        if (observed == null || t.isAfter(observed)) {
            observed = t;
        }
        return marks;
    }

    /** The instant a change requested at {@code now} takes effect: never before an instant already read. */
    private Instant effective(Instant now) {
        Instant at = observed == null || now.isAfter(observed) ? now : observed;
        observed = at;
        return at;
    }

    /** The status at instant {@code t}, without building a snapshot: what list filters need. */
    public JobStatus statusAt(Instant t) {
        return statusAt(t, observe(t));
    }

    private JobStatus statusAt(Instant t, Marks m) {
        Instant requested = m.cancelRequestedAt();
        if (requested != null) {
            return t.isBefore(requested.plus(script.cancellationTime())) ? JobStatus.Cancelling : JobStatus.Cancelled;
        }
        Instant failed = m.failedAt();
        if (failed != null && !t.isBefore(failed)) {
            return JobStatus.Failed;
        }
        return t.isBefore(naturalEnd) ? JobStatus.InProgress : script.outcome();
    }

    /** The instant a requested cancel turns into Cancelled, or null if none was requested. */
    public Instant cancelledAt() {
        Instant requested = marks.cancelRequestedAt();
        return requested == null ? null : requested.plus(script.cancellationTime());
    }

    /** What happened to a cancel request. */
    public enum CancelResult { ACCEPTED, ALREADY_CANCELLING, NOT_CANCELLABLE, ALREADY_FINISHED }

    /**
     * Requests cancellation at {@code now}; accepted only while the job runs and its script allows
     * it. A script with {@code cancelTooLate} accepts it but runs on to its outcome, as when a
     * cancel arrives while the job completes. The cancel takes effect at {@code now}, or at the
     * latest instant the job was already read at if that is later.
     */
    public synchronized CancelResult cancel(Instant now) {
        Instant at = effective(now);
        Marks m = marks;
        JobStatus status = statusAt(at, m);
        if (status == JobStatus.Cancelling || m.cancelIgnoredAt() != null) {
            return CancelResult.ALREADY_CANCELLING;
        }
        if (status.isTerminal()) {
            return CancelResult.ALREADY_FINISHED;
        }
        if (!script.isCancellable()) {
            return CancelResult.NOT_CANCELLABLE;
        }
        if (script.cancelsTooLate()) {
            marks = new Marks(null, at, m.failedAt(), m.failure());
        } else {
            marks = new Marks(at, null, m.failedAt(), m.failure());
        }
        return CancelResult.ACCEPTED;
    }

    /** Whether a cancel was accepted but came too late to stop the job. */
    public boolean cancelIgnored() {
        return marks.cancelIgnoredAt() != null;
    }

    /**
     * Fails the job at {@code now} with these errors, as a fault: the task running then fails.
     * Returns false, changing nothing, if the job is not running. Like a cancel, it takes effect no
     * earlier than an instant the job was already read at.
     */
    public synchronized boolean fail(Instant now, List<JobErrorDetail> errors) {
        Instant at = effective(now);
        Marks m = marks;
        if (statusAt(at, m) != JobStatus.InProgress || m.cancelRequestedAt() != null) {
            return false;
        }
        marks = new Marks(m.cancelRequestedAt(), m.cancelIgnoredAt(), at, List.copyOf(errors));
        return true;
    }

    /** The instant the job ends or ended, whatever ends it. */
    public Instant endsAt() {
        Instant failed = marks.failedAt();
        if (failed != null) {
            return failed;
        }
        Instant cancelled = cancelledAt();
        return cancelled != null ? cancelled : naturalEnd();
    }

    /**
     * The one form of this job as it ended that it keeps (its details' JSON), made by {@code make}
     * the first time and then kept: an ended job never changes, and pollers ask for it again and
     * again. Kept softly, so the forms of many ended jobs never stand between the heap and a
     * collection; made afresh should the end differ from the kept one's. Concurrent first calls may
     * each make it; any of them will do.
     */
    public <T> T endedForm(JobSnapshot ended, Function<JobSnapshot, T> make) {
        if (ended.job() != this || !ended.status().isTerminal()) {
            throw new IllegalArgumentException("not an ended snapshot of job " + id);
        }
        SoftReference<EndedForm> reference = endedForm;
        EndedForm kept = reference == null ? null : reference.get();
        if (kept == null || kept.status() != ended.status() || !kept.end().equals(ended.endTime())) {
            kept = new EndedForm(ended.status(), ended.endTime(), make.apply(ended));
            endedForm = new SoftReference<>(kept);
        }
        @SuppressWarnings("unchecked")
        T form = (T) kept.form();
        return form;
    }

    private record EndedForm(JobStatus status, Instant end, Object form) {
    }

    /** The job as it is at instant {@code t}. */
    public JobSnapshot at(Instant t) {
        return snapshotAt(t, observe(t));
    }

    private JobSnapshot snapshotAt(Instant t, Marks m) {
        Instant requested = m.cancelRequestedAt();
        if (requested != null) {
            return cancelledSnapshot(t, requested);
        }
        Instant failed = m.failedAt();
        if (failed != null && !t.isBefore(failed)) {
            List<TaskSnapshot> tasks = tasksAt(failed, "Failed");
            return new JobSnapshot(this, JobStatus.Failed, start, failed, Duration.between(start, failed),
                    List.copyOf(tasks), progress(Duration.between(start, failed), script.totalDuration()), false,
                    m.failure());
        }
        Instant end = naturalEnd;
        if (t.isBefore(end)) {
            List<TaskSnapshot> tasks = tasksAt(t, "InProgress");
            return new JobSnapshot(this, JobStatus.InProgress, start, null, elapsed(t), tasks,
                    progress(elapsed(t), script.totalDuration()), script.isCancellable(), List.of());
        }
        JobStatus outcome = script.outcome();
        List<TaskSnapshot> tasks = tasksAt(end, "InProgress");
        if (outcome == JobStatus.Failed && !tasks.isEmpty()) {
            TaskSnapshot last = tasks.get(tasks.size() - 1);
            tasks.set(tasks.size() - 1, new TaskSnapshot(last.taskId(), "Failed", last.startTime(), end,
                    last.duration(), last.progressPercentage()));
        }
        return new JobSnapshot(this, outcome, start, end, script.totalDuration(), List.copyOf(tasks), 100, false,
                script.errorDetails());
    }

    private JobSnapshot cancelledSnapshot(Instant t, Instant requested) {
        Instant cancelled = requested.plus(script.cancellationTime());
        Duration progressed = Duration.between(start, requested);
        double progress = progress(progressed, script.totalDuration());
        if (t.isBefore(cancelled)) {
            return new JobSnapshot(this, JobStatus.Cancelling, start, null, elapsed(t),
                    List.copyOf(tasksAt(requested, "InProgress")), progress, false, List.of());
        }
        return new JobSnapshot(this, JobStatus.Cancelled, start, cancelled, Duration.between(start, cancelled),
                List.copyOf(tasksAt(requested, "Cancelled")), progress, false, List.of());
    }

    private Duration elapsed(Instant t) {
        return t.isAfter(start) ? Duration.between(start, t) : Duration.ZERO;
    }

    /** Tasks at instant {@code t}; the one running then gets {@code runningStatus}. */
    private List<TaskSnapshot> tasksAt(Instant t, String runningStatus) {
        List<TaskSnapshot> out = new ArrayList<>(script.tasks().size());
        Instant taskStart = start;
        for (TaskScript task : script.tasks()) {
            Instant taskEnd = taskStart.plus(task.duration());
            if (!t.isBefore(taskEnd)) {
                out.add(new TaskSnapshot(task.name(), "Completed", taskStart, taskEnd, task.duration(), 100));
            } else if (!t.isBefore(taskStart)) {
                Duration ran = Duration.between(taskStart, t);
                out.add(new TaskSnapshot(task.name(), runningStatus, taskStart, null, ran,
                        progress(ran, task.duration())));
            } else {
                out.add(new TaskSnapshot(task.name(), "NotStarted", null, null, Duration.ZERO, 0));
            }
            taskStart = taskEnd;
        }
        return out;
    }

    private static double progress(Duration done, Duration total) {
        if (total.isZero()) {
            return 100;
        }
        double percent = 100.0 * done.toNanos() / total.toNanos();
        return Math.min(100, Math.round(percent * 100) / 100.0);
    }

    @Override
    public String toString() {
        return "Job[" + id + " " + operation + " " + jobType + " on " + subject.entityFriendlyName() + "]";
    }
}
