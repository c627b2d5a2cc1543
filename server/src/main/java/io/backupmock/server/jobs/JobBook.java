package io.backupmock.server.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/** The jobs of one vault, listed newest first (as Azure lists them), found by id, filtered and paged. */
public final class JobBook {
    /** Orders newest first; the sequence breaks ties between jobs started at the same instant. */
    private static final Comparator<PageToken> NEWEST_FIRST =
            Comparator.comparing(PageToken::start).thenComparingLong(PageToken::sequence).reversed();

    private final NavigableMap<PageToken, Job> byStart = new ConcurrentSkipListMap<>(NEWEST_FIRST);
    private final Map<String, Job> byId = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    /** The longest any job here can run, cancellation included: older jobs have certainly ended. */
    private volatile Duration longestRun = Duration.ZERO;

    public void add(Job job) {
        String key = job.id().toLowerCase(Locale.ROOT);
        if (byId.putIfAbsent(key, job) != null) {
            throw new IllegalArgumentException("a job with id " + job.id() + " already exists");
        }
        byStart.put(new PageToken(job.startTime(), sequence.incrementAndGet()), job);
        Duration run = job.script().totalDuration().plus(job.script().cancellationTime());
        synchronized (this) {
            if (run.compareTo(longestRun) > 0) {
                longestRun = run;
            }
        }
    }

    /** The job with this id (case-insensitive), or null. */
    public Job find(String id) {
        return byId.get(id.toLowerCase(Locale.ROOT));
    }

    public int size() {
        return byId.size();
    }

    /** Every job, newest first. */
    public List<Job> all() {
        return new ArrayList<>(byStart.values());
    }

    /**
     * The page of jobs matching {@code filter} at instant {@code now} (jobs that start later are not
     * listed), starting after {@code after}
     * (null for the first page), at most {@code pageSize} long.
     */
    public Page<JobSnapshot> list(JobFilter filter, Instant now, PageToken after, int pageSize) {
        if (filter.jobId() != null) {
            return listOne(filter, now, after);
        }
        Instant newest = filter.to() == null || filter.to().isAfter(now) ? now : filter.to();
        PageToken windowStart = new PageToken(newest, Long.MAX_VALUE); // a job starting later does not exist yet
        NavigableMap<PageToken, Job> range = byStart;
        if (after != null && NEWEST_FIRST.compare(after, windowStart) >= 0) {
            range = byStart.tailMap(after, false);
        } else {
            range = byStart.tailMap(windowStart, true);
        }
        List<JobSnapshot> page = new ArrayList<>(Math.min(pageSize, 64));
        PageToken last = null;
        Instant oldest = filter.from();
        if (filter.status() == JobStatus.InProgress || filter.status() == JobStatus.Cancelling) {
            Instant stillRunnable = now.minus(longestRun);
            oldest = oldest == null || stillRunnable.isAfter(oldest) ? stillRunnable : oldest;
        }
        for (Map.Entry<PageToken, Job> e : range.entrySet()) {
            Job job = e.getValue();
            if (oldest != null && job.startTime().isBefore(oldest)) {
                break; // newest first: every later entry started earlier still
            }
            if (!filter.matchesStatically(job)) {
                continue;
            }
            // One reading per job: the status filtered on is the status rendered.
            Job.Reading reading = job.read(now);
            if (!filter.matchesStatus(reading.status())) {
                continue;
            }
            if (page.size() == pageSize) {
                return new Page<>(page, last);
            }
            page.add(reading.snapshot());
            last = e.getKey();
        }
        return new Page<>(page, null);
    }

    /** A {@code jobId} filter names at most one job: found by id, not by a scan. */
    private Page<JobSnapshot> listOne(JobFilter filter, Instant now, PageToken after) {
        Job job = find(filter.jobId());
        if (job == null || after != null || job.startTime().isAfter(now) || !filter.matchesStatically(job)) {
            return new Page<>(List.of(), null);
        }
        Job.Reading reading = job.read(now);
        return new Page<>(filter.matchesStatus(reading.status()) ? List.of(reading.snapshot()) : List.of(), null);
    }

    public void clear() {
        byStart.clear();
        byId.clear();
    }
}
