package io.backupmock.server.journal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Every request the emulator served, newest last, up to a count and a total size: the oldest are
 * dropped first, so memory stays flat however long the emulator runs and however large its
 * answers (a page of 200 jobs is about 140 KB).
 */
public final class Journal {
    public static final int DEFAULT_CAPACITY = 2_000;
    /** Bodies and headers kept, at most. */
    public static final long MAX_BYTES = 16L * 1024 * 1024;

    private final int capacity;
    private final ArrayDeque<Kept> entries;
    /** Apart from the entries' lock, which each request then takes once. */
    private final AtomicLong sequence = new AtomicLong();
    private long dropped;
    private long bytes;

    public Journal(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("journal capacity must not be negative: " + capacity);
        }
        this.capacity = capacity;
        this.entries = new ArrayDeque<>(Math.min(capacity, 1024));
    }

    public int capacity() {
        return capacity;
    }

    /** The next sequence number; called once per request, before it is recorded. */
    public long nextSequence() {
        return sequence.incrementAndGet();
    }

    /** A request kept, with its size reckoned once (outside the lock: I/O threads record concurrently). */
    private record Kept(RecordedRequest request, long size) {
    }

    public void record(RecordedRequest request) {
        Kept kept = new Kept(request, request.size());
        synchronized (this) {
            if (capacity == 0) {
                dropped++;
                return;
            }
            entries.addLast(kept);
            bytes += kept.size();
            while (entries.size() > capacity || (bytes > MAX_BYTES && entries.size() > 1)) {
                bytes -= entries.removeFirst().size();
                dropped++;
            }
        }
    }

    /** Every request kept, oldest first. */
    public List<RecordedRequest> all() {
        return find(r -> true);
    }

    /** The requests kept that match, oldest first. */
    public synchronized List<RecordedRequest> find(Predicate<RecordedRequest> filter) {
        List<RecordedRequest> out = new ArrayList<>();
        for (Kept k : entries) {
            if (filter.test(k.request())) {
                out.add(k.request());
            }
        }
        return out;
    }

    /** How many requests were dropped to keep within capacity. */
    public synchronized long dropped() {
        return dropped;
    }

    public synchronized void clear() {
        entries.clear();
        bytes = 0;
    }

    /** Forgets the requests of one subscription. */
    public synchronized void clear(String subscriptionId) {
        entries.removeIf(k -> {
            boolean gone = subscriptionId.equalsIgnoreCase(k.request().subscriptionId());
            if (gone) {
                bytes -= k.size();
            }
            return gone;
        });
    }
}
