package io.backupmock.server.gateway;

import io.backupmock.server.clock.PinnableClock;
import io.backupmock.server.clock.VirtualClock;
import io.backupmock.server.ids.Guids;
import io.backupmock.server.state.Emulator;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Durable before acknowledged: with a {@link ChangeLog}, every request that may change state (any
 * method but GET, HEAD and OPTIONS) runs one at a time, in the order it is saved in; one answered
 * 2xx is appended with the ids it handed out and the virtual clocks that moved since the last
 * change, and its answer waits until the log is on disk (on a thread of its own: the I/O threads go
 * on serving). Reads never wait and never touch the disk.
 * Without a log the handlers are the ones given, untouched.
 */
public final class Durability {
    private final Emulator emulator;
    private final ChangeLog log;
    /** Where each virtual clock stood at the last change saved: only clocks that moved since are noted. */
    private final Map<String, Instant> savedClocks = new HashMap<>();
    /** Where answers wait for the disk: while one thread flushes, the changes made meanwhile queue for the next flush. */
    private final ExecutorService waiters = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "backup-mock-state-flush");
        t.setDaemon(true);
        return t;
    });

    public Durability(Emulator emulator, ChangeLog log) {
        this.emulator = emulator;
        this.log = log;
    }

    /** Nothing kept. */
    public static Durability none(Emulator emulator) {
        return new Durability(emulator, null);
    }

    HttpHandler wrap(boolean admin, HttpHandler next) {
        return log == null ? next : exchange -> handle(admin, next, exchange);
    }

    private void handle(boolean admin, HttpHandler next, HttpServerExchange exchange) throws Exception {
        RequestContext context = RequestContext.of(exchange);
        String method = context.method;
        if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
            next.handleRequest(exchange);
            return;
        }
        long ticket;
        synchronized (this) {
            Map<String, Instant> clocks = movedClocks();
            List<String> ids = new ArrayList<>(4);
            // Every reading of the emulator's clock in the change is the instant it is served at, as on replay.
            boolean ownClock = !admin && emulator.clockFor(context.subscription) != emulator.clock();
            Exception[] failure = new Exception[1];
            PinnableClock.pinnedAt(ownClock ? null : context.now, () -> {
                try {
                    Guids.recording(ids, () -> next.handleRequest(exchange));
                } catch (Exception e) {
                    failure[0] = e;
                }
                return null;
            });
            if (failure[0] != null) {
                throw failure[0];
            }
            ApiResponse response = context.response;
            if (response == null || response.status() < 200 || response.status() >= 300) {
                return;
            }
            // A whole reset, not the forgetting of one subscription (?subscriptionId=), which is a change like any other.
            boolean reset = admin && context.match.template().equalsIgnoreCase("backupmock/admin/reset")
                    && context.target.query("subscriptionId") == null;
            Change change = new Change(admin, method, exchange.getRequestURI(), exchange.getQueryString(),
                    context.body, context.now, ids, clocks, reset);
            try {
                ticket = log.append(change);
            } catch (IOException e) {
                throw notSaved(e);
            }
            if (reset) {
                savedClocks.clear();
            } else {
                savedClocks.putAll(clocks);
            }
        }
        long saved = ticket;
        context.durableWaiters = waiters;
        context.durable = () -> {
            try {
                log.awaitDurable(saved);
            } catch (IOException e) {
                throw notSaved(e);
            }
        };
    }

    /**
     * Saves where every virtual clock stands, so that auto-advance steps taken by reads since the
     * last change are kept too, at a clean stop; answers no more changes.
     */
    public void stop() throws IOException {
        if (log == null) {
            return;
        }
        waiters.shutdown();
        long ticket;
        synchronized (this) {
            Map<String, Instant> clocks = movedClocks();
            if (clocks.isEmpty()) {
                return;
            }
            ticket = log.append(Change.clocksOnly(clocks, emulator.now()));
            savedClocks.putAll(clocks);
        }
        log.awaitDurable(ticket);
    }

    private Map<String, Instant> movedClocks() {
        Map<String, Instant> moved = new HashMap<>();
        for (Map.Entry<String, VirtualClock> e : emulator.virtualClocks().entrySet()) {
            Instant now = e.getValue().instant();
            if (!now.equals(savedClocks.get(e.getKey()))) {
                moved.put(e.getKey(), now);
            }
        }
        return moved;
    }

    private static ApiError notSaved(IOException e) {
        return new ApiError(503, "StateNotSaved", "The change was made but could not be saved to the state "
                + "directory (" + e.getMessage() + "); it may be lost if the emulator stops.");
    }
}
