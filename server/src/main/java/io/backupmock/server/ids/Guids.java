package io.backupmock.server.ids;

import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Where the model's new ids come from (jobs, activities, operations, export signatures): random
 * version-4 GUIDs. A change being recorded notes the ids it hands out, and a change being replayed
 * hands out the ids it handed out first, so a restored job or operation keeps its id and URLs. Both
 * are scoped to the calling thread; elsewhere every id is simply random.
 */
public final class Guids {
    private static final ThreadLocal<Scope> SCOPE = new ThreadLocal<>();

    private Guids() {
    }

    /** A body of work that may throw. */
    @FunctionalInterface
    public interface Work {
        void run() throws Exception;
    }

    private record Scope(List<String> recorded, Iterator<String> replayed) {
    }

    /** A new id: random, noted if the thread records, or the next of those it replays. */
    public static String next() {
        Scope scope = SCOPE.get();
        if (scope != null && scope.replayed != null && scope.replayed.hasNext()) {
            return scope.replayed.next();
        }
        String id = random();
        if (scope != null && scope.recorded != null) {
            scope.recorded.add(id);
        }
        return id;
    }

    /** Runs {@code work}, adding to {@code sink} every id it hands out. */
    public static void recording(List<String> sink, Work work) throws Exception {
        run(new Scope(sink, null), work);
    }

    /** Runs {@code work}, handing out {@code ids} in their order (then random ones, should it ask for more). */
    public static void replaying(List<String> ids, Work work) throws Exception {
        run(new Scope(null, ids.iterator()), work);
    }

    private static void run(Scope scope, Work work) throws Exception {
        Scope outer = SCOPE.get();
        SCOPE.set(scope);
        try {
            work.run();
        } finally {
            if (outer == null) {
                SCOPE.remove();
            } else {
                SCOPE.set(outer);
            }
        }
    }

    /** A random version-4 GUID, without SecureRandom's cost: ids here need to be unique, not secret. */
    public static String random() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long msb = (r.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }
}
