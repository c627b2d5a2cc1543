package io.backupmock.server.journal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Predicate;

/**
 * Every request the emulator served, newest last, up to a count and a total size: the oldest are
 * dropped first, so memory stays flat however long the emulator runs and however large its
 * answers (a page of 200 jobs is about 140 KB).
 *
 * <p>Every request is recorded, by the I/O threads at once, so recording takes no lock: entries go
 * to a ring of {@code capacity} slots by sequence number (a request's slot is the one of the request
 * {@code capacity} before it, which it drops), and the size bound drops the oldest through a moving
 * lower bound. A lock here was the largest of the emulator's own costs of a poll. Reading (rare: a
 * test's verification, the admin API) collects the slots and sorts them.
 */
public final class Journal {
    public static final int DEFAULT_CAPACITY = 2_000;
    /** Bodies and headers kept, at most. */
    public static final long MAX_BYTES = 16L * 1024 * 1024;

    /**
     * The most entries the size bound lets the journal hold (each counts for at least
     * {@link RecordedRequest#LEAST_SIZE}): the ring needs no more slots, however large the capacity.
     */
    private static final int MOST_KEPT = (int) (MAX_BYTES / RecordedRequest.LEAST_SIZE);

    private final int capacity;
    private final AtomicReferenceArray<Kept> ring;
    /** The last sequence number handed out. */
    private final AtomicLong sequence = new AtomicLong();
    /** No entry numbered below this is kept: moved on by the size bound and by {@link #clear()}. */
    private final AtomicLong oldest = new AtomicLong(1);
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    public Journal(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("journal capacity must not be negative: " + capacity);
        }
        this.capacity = capacity;
        this.ring = new AtomicReferenceArray<>(Math.max(1, Math.min(capacity, MOST_KEPT)));
    }

    public int capacity() {
        return capacity;
    }

    /** The next sequence number; called once per request, before it is recorded. */
    public long nextSequence() {
        return sequence.incrementAndGet();
    }

    /** A request kept, with its size reckoned once. */
    private static final class Kept {
        final RecordedRequest request;
        final long sequence;
        final long size;

        Kept(RecordedRequest request) {
            this.request = request;
            this.sequence = request.sequence();
            this.size = request.size();
        }
    }

    public void record(RecordedRequest request) {
        if (capacity == 0) {
            dropped.incrementAndGet();
            return;
        }
        Kept kept = new Kept(request);
        int slot = slot(kept.sequence);
        while (true) {
            Kept there = ring.get(slot);
            if (there != null && there.sequence > kept.sequence) {
                dropped.incrementAndGet(); // recorded after a request `capacity` newer: already out
                return;
            }
            if (ring.compareAndSet(slot, there, kept)) {
                if (there != null) {
                    bytes.addAndGet(-there.size);
                    dropped.incrementAndGet();
                }
                break;
            }
        }
        long total = bytes.addAndGet(kept.size);
        if (kept.sequence < oldest.get()) {
            remove(slot, kept, true); // numbered before a clear or a drop that came first
            return;
        }
        // Over the size bound: the oldest go first, never the one just kept.
        for (long o = oldest.get(); total > MAX_BYTES && o < kept.sequence; o = oldest.get()) {
            if (oldest.compareAndSet(o, o + 1)) {
                Kept old = ring.get(slot(o));
                if (old != null && old.sequence == o && remove(slot(o), old, true)) {
                    total = bytes.get();
                }
            }
        }
    }

    private int slot(long sequence) {
        return (int) Math.floorMod(sequence, (long) ring.length());
    }

    private boolean remove(int slot, Kept k, boolean drop) {
        if (!ring.compareAndSet(slot, k, null)) {
            return false;
        }
        bytes.addAndGet(-k.size);
        if (drop) {
            dropped.incrementAndGet();
        }
        return true;
    }

    /** Every request kept, oldest first. */
    public List<RecordedRequest> all() {
        return find(r -> true);
    }

    /** The requests kept that match, oldest first. */
    public List<RecordedRequest> find(Predicate<RecordedRequest> filter) {
        long from = oldest.get();
        List<Kept> kept = new ArrayList<>();
        for (int i = 0; i < ring.length(); i++) {
            Kept k = ring.get(i);
            if (k != null && k.sequence >= from) {
                kept.add(k);
            }
        }
        kept.sort(Comparator.comparingLong(k -> k.sequence));
        List<RecordedRequest> out = new ArrayList<>();
        for (Kept k : kept) {
            if (filter.test(k.request)) {
                out.add(k.request);
            }
        }
        return out;
    }

    /** How many requests were dropped to keep within capacity. */
    public long dropped() {
        return dropped.get();
    }

    /** Forgets every request recorded so far. */
    public void clear() {
        oldest.accumulateAndGet(sequence.get() + 1, Math::max);
        for (int i = 0; i < ring.length(); i++) {
            Kept k = ring.get(i);
            if (k != null) {
                remove(i, k, false);
            }
        }
    }

    /** Forgets the requests of one subscription. */
    public void clear(String subscriptionId) {
        for (int i = 0; i < ring.length(); i++) {
            Kept k = ring.get(i);
            if (k != null && subscriptionId.equalsIgnoreCase(k.request.subscriptionId())) {
                remove(i, k, false);
            }
        }
    }
}
