package io.backupmock.server.faults;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/** The faults in force, each used up after answering its number of requests. */
public final class Faults {
    private final List<Armed> armed = new ArrayList<>();

    private static final class Armed {
        final Fault fault;
        int remaining;

        Armed(Fault fault) {
            this.fault = fault;
            this.remaining = fault.times();
        }
    }

    public synchronized void add(Fault fault) {
        armed.add(new Armed(fault));
    }

    /** The fault that answers this request, if any (using one of its times). */
    public synchronized Fault take(String method, String rawPath, String subscriptionId) {
        if (armed.isEmpty()) {
            return null;
        }
        String path = rawPath.toLowerCase(Locale.ROOT);
        for (Iterator<Armed> it = armed.iterator(); it.hasNext(); ) {
            Armed a = it.next();
            if (a.fault.matches(method, path, subscriptionId)) {
                if (--a.remaining == 0) {
                    it.remove();
                }
                return a.fault;
            }
        }
        return null;
    }

    /** Faults still armed, with the times they have left. */
    public synchronized List<Fault> pending() {
        List<Fault> out = new ArrayList<>(armed.size());
        for (Armed a : armed) {
            Fault f = a.fault;
            out.add(new Fault(f.subscriptionId(), f.method(), f.pathContains(), f.status(), f.code(), f.message(),
                    f.retryAfter(), a.remaining));
        }
        return out;
    }

    public synchronized void clear() {
        armed.clear();
    }

    /** Removes the faults scoped to one subscription. */
    public synchronized void clear(String subscriptionId) {
        armed.removeIf(a -> subscriptionId.equalsIgnoreCase(a.fault.subscriptionId()));
    }
}
