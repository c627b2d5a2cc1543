package io.backupmock.server.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The faults in force. Which request a fault with a {@code rate} hits is drawn from one random
 * source seeded at start, so the same seed and the same requests give the same faults.
 */
public final class Faults {
    private final long seed;
    private final Random random;
    /** A fault in force, with how often it has matched and fired so far. */
    public record Armed(Fault fault, int matched, int fired) {
    }

    private static final class State {
        final Fault fault;
        int matched;
        int fired;

        State(Fault fault) {
            this.fault = fault;
        }
    }

    private final List<State> states = new ArrayList<>();

    public Faults(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
    }

    public long seed() {
        return seed;
    }

    public synchronized void add(Fault fault) {
        states.add(new State(fault));
    }

    public synchronized void addAll(List<Fault> faults) {
        faults.forEach(f -> states.add(new State(f)));
    }

    /** The first fault that fires for this request, if any; counts the request against every fault it matches. */
    public synchronized Fault take(String method, String rawPath, String subscriptionId) {
        if (states.isEmpty()) {
            return null;
        }
        String path = rawPath.toLowerCase(Locale.ROOT);
        Fault firing = null;
        for (State s : states) {
            if (!s.fault.matches(method, path, subscriptionId)) {
                continue;
            }
            s.matched++;
            if (firing != null) {
                continue;
            }
            Fault f = s.fault;
            boolean fires = f.nth() != null ? s.matched == f.nth()
                    : f.rate() == null || random.nextDouble() < f.rate();
            if (fires) {
                s.fired++;
                firing = f;
            }
        }
        states.removeIf(s -> (s.fault.times() != null && s.fired >= s.fault.times())
                || (s.fault.nth() != null && s.matched >= s.fault.nth()));
        return firing;
    }

    /** Faults still in force, with their counts. */
    public synchronized List<Armed> pending() {
        List<Armed> out = new ArrayList<>(states.size());
        for (State s : states) {
            out.add(new Armed(s.fault, s.matched, s.fired));
        }
        return out;
    }

    public synchronized void clear() {
        states.clear();
    }

    /** Removes the faults scoped to one subscription. */
    public synchronized void clear(String subscriptionId) {
        states.removeIf(s -> subscriptionId.equalsIgnoreCase(s.fault.subscriptionId()));
    }
}
