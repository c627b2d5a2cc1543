package io.backupmock.server.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import io.backupmock.server.jobs.JobErrorDetail;
import io.backupmock.server.jobs.JobSnapshot;
import io.backupmock.server.jobs.JobStatus;
import io.backupmock.server.jobs.TaskSnapshot;
import io.backupmock.server.tenancy.Vault;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A job's JobResource bytes with holes where the values that move with the clock go: the job's
 * duration and progress, each task's duration and progress. A running job's answer changes on every
 * poll, but only there; the rest changes only when the job changes phase (a task starts or ends, the
 * job ends, is cancelled or fails). So a template is made once per phase by {@link JobRenderer}
 * itself (which reports where it wrote those values) and filled in on every poll, giving exactly
 * the bytes a fresh render would: {@code JobTemplateTest} holds the two to the same bytes.
 */
public final class JobTemplate {
    /** The values that move with the clock, in the order the renderer writes them. */
    enum Hole { JOB_DURATION, TASK_DURATION, TASK_PROGRESS, JOB_PROGRESS }

    private static final byte[] VALUE_START = "{\"value\":[".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NEXT_LINK = ",\"nextLink\":".getBytes(StandardCharsets.US_ASCII);

    /**
     * What the template was made from, without the job itself: the templates of a job are kept
     * with the job as a weak key, which a strong reference from here would keep alive.
     */
    private final Shape shape;
    private final byte[] bytes;
    private final Hole[] holes;
    /** For a task's hole, which task; -1 for the job's. */
    private final int[] tasks;
    private final int[] starts;
    private final int[] ends;

    private record Shape(String jobId, JobStatus status, boolean cancellable, Instant start, Instant end,
                         List<JobErrorDetail> errors, List<TaskSnapshot> tasks, Duration duration, double progress) {
        Shape(JobSnapshot job) {
            this(job.id(), job.status(), job.cancellable(), job.startTime(), job.endTime(), job.errorDetails(),
                    job.tasks(), job.duration(), job.progressPercentage());
        }
    }

    private JobTemplate(JobSnapshot shape, byte[] bytes, Recorder recorded) {
        this.shape = new Shape(shape);
        this.bytes = bytes;
        int n = recorded.count;
        this.holes = Arrays.copyOf(recorded.holes, n);
        this.tasks = Arrays.copyOf(recorded.tasks, n);
        this.starts = Arrays.copyOf(recorded.starts, n);
        this.ends = Arrays.copyOf(recorded.ends, n);
    }

    /** The template of {@code job}'s phase, made by rendering it. */
    public static JobTemplate of(Vault vault, JobSnapshot job, boolean withExtendedInfo) {
        Recorder recorder = new Recorder();
        byte[] bytes = Json.write(g -> JobRenderer.write(g, vault, job, withExtendedInfo, recorder));
        for (int i = 0; i < recorder.count; i++) {
            // The generator writes a value's separator with it; the hole is the value alone.
            if (bytes[recorder.starts[i]] == ':') {
                recorder.starts[i]++;
            }
        }
        return new JobTemplate(job, bytes, recorder);
    }

    /**
     * Whether this template gives {@code job}'s bytes: the same job in the same phase, everything
     * but the holes' values alike.
     */
    public boolean fits(JobSnapshot job) {
        if (!job.id().equals(shape.jobId()) || job.status() != shape.status() || job.cancellable() != shape.cancellable()
                || !Objects.equals(job.endTime(), shape.end()) || !job.startTime().equals(shape.start())
                || (job.errorDetails() != shape.errors() && !job.errorDetails().equals(shape.errors()))) {
            return false;
        }
        List<TaskSnapshot> now = job.tasks();
        List<TaskSnapshot> then = shape.tasks();
        if (now.size() != then.size()) {
            return false;
        }
        for (int i = 0; i < now.size(); i++) {
            TaskSnapshot a = now.get(i);
            TaskSnapshot b = then.get(i);
            if (!a.status().equals(b.status()) || !a.taskId().equals(b.taskId())
                    || !Objects.equals(a.startTime(), b.startTime()) || !Objects.equals(a.endTime(), b.endTime())) {
                return false;
            }
        }
        return true;
    }

    /** {@code job}'s bytes, which this template must {@link #fits fit}. */
    public byte[] bytes(JobSnapshot job) {
        byte[][] values = values(job);
        byte[] out = new byte[length(values)];
        copy(values, out, 0);
        return out;
    }

    /**
     * A page of a job list, {@code {"value":[…],"nextLink":…}}, each entry from its template (made
     * without extendedInfo): the bytes {@link JobRenderer#listBytes} gives.
     */
    public static byte[] page(List<JobTemplate> templates, List<JobSnapshot> jobs, String nextLink) {
        byte[][][] values = new byte[jobs.size()][][];
        int length = VALUE_START.length + Math.max(0, jobs.size() - 1) + 2;
        for (int i = 0; i < values.length; i++) {
            values[i] = templates.get(i).values(jobs.get(i));
            length += templates.get(i).length(values[i]);
        }
        byte[] link = nextLink == null ? null : Json.write(g -> g.writeString(nextLink));
        if (link != null) {
            length += NEXT_LINK.length + link.length;
        }
        byte[] out = new byte[length];
        System.arraycopy(VALUE_START, 0, out, 0, VALUE_START.length);
        int at = VALUE_START.length;
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out[at++] = ',';
            }
            at = templates.get(i).copy(values[i], out, at);
        }
        out[at++] = ']';
        if (link != null) {
            System.arraycopy(NEXT_LINK, 0, out, at, NEXT_LINK.length);
            at += NEXT_LINK.length;
            System.arraycopy(link, 0, out, at, link.length);
            at += link.length;
        }
        out[at] = '}';
        return out;
    }

    /** The values of the holes for {@code job}: null where the template's own bytes are right. */
    byte[][] values(JobSnapshot job) {
        byte[][] values = new byte[holes.length][];
        for (int i = 0; i < holes.length; i++) {
            values[i] = value(i, job);
        }
        return values;
    }

    int length(byte[][] values) {
        int length = bytes.length;
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                length += values[i].length - (ends[i] - starts[i]);
            }
        }
        return length;
    }

    /** Writes the filled-in bytes into {@code out} from {@code at}; answers where they end. */
    int copy(byte[][] values, byte[] out, int at) {
        int from = 0;
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                continue;
            }
            int fixed = starts[i] - from;
            System.arraycopy(bytes, from, out, at, fixed);
            at += fixed;
            System.arraycopy(values[i], 0, out, at, values[i].length);
            at += values[i].length;
            from = ends[i];
        }
        System.arraycopy(bytes, from, out, at, bytes.length - from);
        return at + bytes.length - from;
    }

    private byte[] value(int i, JobSnapshot job) {
        switch (holes[i]) {
            case JOB_DURATION -> {
                return duration(job.duration(), shape.duration());
            }
            case JOB_PROGRESS -> {
                return progress(job.progressPercentage(), shape.progress());
            }
            case TASK_DURATION -> {
                return duration(job.tasks().get(tasks[i]).duration(), shape.tasks().get(tasks[i]).duration());
            }
            case TASK_PROGRESS -> {
                return progress(job.tasks().get(tasks[i]).progressPercentage(),
                        shape.tasks().get(tasks[i]).progressPercentage());
            }
        }
        throw new IllegalStateException("unknown hole " + holes[i]);
    }

    /** As the generator writes {@code WireFormats.duration(d)}: a quoted ASCII string. */
    private static byte[] duration(Duration d, Duration recorded) {
        if (d.equals(recorded)) {
            return null;
        }
        String text = WireFormats.duration(d);
        byte[] out = new byte[text.length() + 2];
        out[0] = '"';
        for (int k = 0; k < text.length(); k++) {
            out[k + 1] = (byte) text.charAt(k); // ASCII: P, T, digits, '.', H, M, S, '-'
        }
        out[out.length - 1] = '"';
        return out;
    }

    /** As the generator writes a double (its default: {@link Double#toString}). */
    private static byte[] progress(double value, double recorded) {
        if (Double.compare(value, recorded) == 0) {
            return null;
        }
        return Double.toString(value).getBytes(StandardCharsets.US_ASCII);
    }

    /** Where the renderer wrote the values that move with the clock, as it writes them. */
    static final class Recorder {
        private Hole[] holes = new Hole[8];
        private int[] tasks = new int[8];
        private int[] starts = new int[8];
        private int[] ends = new int[8];
        private int count;
        private int start = -1;

        /** Call before writing a hole's value. */
        void begin(JsonGenerator g) {
            start = position(g);
        }

        /** Call after writing it. */
        void end(JsonGenerator g, Hole hole, int task) {
            if (count == holes.length) {
                holes = Arrays.copyOf(holes, count * 2);
                tasks = Arrays.copyOf(tasks, count * 2);
                starts = Arrays.copyOf(starts, count * 2);
                ends = Arrays.copyOf(ends, count * 2);
            }
            holes[count] = hole;
            tasks[count] = task;
            starts[count] = start;
            ends[count] = position(g);
            count++;
        }

        /** Bytes written so far: those the generator passed on, and those it still holds. */
        private static int position(JsonGenerator g) {
            return ((ByteArrayBuilder) g.getOutputTarget()).size()
                    + g.getOutputBuffered();
        }
    }
}
