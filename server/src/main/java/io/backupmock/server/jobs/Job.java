package io.backupmock.server.jobs;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import io.backupmock.server.ids.Guids;

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
    /** The script's whole duration, summed once: every reading of a running job needs it. */
    private final Duration totalDuration;
    /** What happened to the job after it started; replaced whole, by a change (see {@link #observe}). */
    private volatile Marks marks = Marks.NONE;
    /** The latest instant any reading of this job was taken at (raised by compare-and-set). */
    private volatile Instant observed;
    /** Odd while a cancel or a fault changes the marks; written only under this job's lock. */
    private volatile long changes;
    /** A field rather than an atomic object: a vault may hold 100,000 jobs. */
    private static final VarHandle OBSERVED;

    static {
        try {
            OBSERVED = MethodHandles.lookup().findVarHandle(Job.class, "observed", Instant.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    public Job(String id, JobOperation operation, JobType jobType, JobSubject subject, JobScript script, Instant start) {
        this.id = Objects.requireNonNull(id, "id");
        this.activityId = Guids.next();
        this.operation = Objects.requireNonNull(operation, "operation");
        this.jobType = Objects.requireNonNull(jobType, "jobType");
        this.subject = Objects.requireNonNull(subject, "subject");
        this.script = Objects.requireNonNull(script, "script");
        this.start = Objects.requireNonNull(start, "start");
        this.totalDuration = script.totalDuration();
        this.naturalEnd = start.plus(totalDuration);
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

        public Job job() {
            return job;
        }

        public JobStatus status() {
            return job.statusAt(at, marks);
        }

        public JobSnapshot snapshot() {
            return job.snapshotAt(at, marks);
        }
    }

    /**
     * Records a reading at {@code t} and answers the marks it sees, without a lock (every poll of a
     * job reads it, from the I/O threads at once). A change raises its counter to odd, takes its
     * instant from the latest reading, writes the marks and raises the counter to even; a reading
     * that overlapped one is taken again. So a reading that saw the marks of before a change was
     * taken at an instant no later than the change's.
     */
    private Marks observe(Instant t) {
        while (true) {
            long before = changes;
            if ((before & 1) == 0) {
                raise(t);
                Marks m = marks;
                if (changes == before) {
                    return m;
                }
            } else {
                Thread.yield();
            }
        }
    }

    /** The latest reading's instant, raised to {@code t} if that is later; answers it. */
    private Instant raise(Instant t) {
        while (true) {
            Instant seen = observed;
            if (seen != null && !t.isAfter(seen)) {
                return seen;
            }
            if (OBSERVED.compareAndSet(this, seen, t)) {
                return t;
            }
        }
    }

    /**
     * Begins a change (under this job's lock): answers the instant it takes effect, never before an
     * instant already read. {@link #endChange} must follow.
     */
    private Instant beginChange(Instant now) {
        changes = changes + 1;
        return raise(now);
    }

    private void endChange() {
        changes = changes + 1;
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
        Instant at = beginChange(now);
        try {
            return cancelAt(at);
        } finally {
            endChange();
        }
    }

    private CancelResult cancelAt(Instant at) {
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
        Instant at = beginChange(now);
        try {
            Marks m = marks;
            if (statusAt(at, m) != JobStatus.InProgress || m.cancelRequestedAt() != null) {
                return false;
            }
            marks = new Marks(m.cancelRequestedAt(), m.cancelIgnoredAt(), at, List.copyOf(errors));
            return true;
        } finally {
            endChange();
        }
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

    /** The job as it is at instant {@code t}. */
    public JobSnapshot at(Instant t) {
        return snapshotAt(t, observe(t));
    }

    /** The snapshot of the status {@link #statusAt(Instant, Marks)} decides: the one place a status is worked out. */
    private JobSnapshot snapshotAt(Instant t, Marks m) {
        JobStatus status = statusAt(t, m);
        Instant requested = m.cancelRequestedAt();
        if (requested != null) {
            double progress = progress(Duration.between(start, requested), totalDuration);
            if (status == JobStatus.Cancelling) {
                return new JobSnapshot(this, status, start, null, elapsed(t),
                        List.copyOf(tasksAt(requested, "InProgress")), progress, false, List.of());
            }
            Instant cancelled = requested.plus(script.cancellationTime());
            return new JobSnapshot(this, status, start, cancelled, Duration.between(start, cancelled),
                    List.copyOf(tasksAt(requested, "Cancelled")), progress, false, List.of());
        }
        if (status == JobStatus.InProgress) {
            Duration elapsed = elapsed(t);
            return new JobSnapshot(this, status, start, null, elapsed, tasksAt(t, "InProgress"),
                    progress(elapsed, totalDuration), script.isCancellable(), List.of());
        }
        Instant failed = m.failedAt();
        if (failed != null && !t.isBefore(failed)) {
            return new JobSnapshot(this, status, start, failed, Duration.between(start, failed),
                    List.copyOf(tasksAt(failed, "Failed")), progress(Duration.between(start, failed),
                    totalDuration), false, m.failure());
        }
        Instant end = naturalEnd;
        List<TaskSnapshot> tasks = tasksAt(end, "InProgress");
        if (status == JobStatus.Failed && !tasks.isEmpty()) {
            TaskSnapshot last = tasks.get(tasks.size() - 1);
            tasks.set(tasks.size() - 1, new TaskSnapshot(last.taskId(), "Failed", last.startTime(), end,
                    last.duration(), last.progressPercentage()));
        }
        return new JobSnapshot(this, status, start, end, totalDuration, List.copyOf(tasks), 100, false,
                script.errorDetails());
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
