package io.backupmock.server.gateway;

import io.backupmock.server.clock.PinnableClock;
import io.backupmock.server.clock.VirtualClock;
import io.backupmock.server.ids.Guids;
import io.backupmock.server.state.Emulator;
import java.time.Instant;
import java.util.Map;

/**
 * Makes saved {@link Change}s again, in their order, at a start on a kept state: each one's
 * operation runs as it ran first (past the checks it passed then, which are not made again), at
 * the instant it was served at, handing out the ids it handed out, after the virtual clocks are
 * moved to where they stood.
 */
public final class Replay {
    private final Emulator emulator;
    private final Router arm;
    private final Router admin;

    public Replay(Emulator emulator, Router arm, Router admin) {
        this.emulator = emulator;
        this.arm = arm;
        this.admin = admin;
    }

    /**
     * Makes one change again.
     *
     * @throws Exception whatever its operation throws, should it not take as it took first
     */
    public void apply(Change change) throws Exception {
        Map<String, VirtualClock> clocks = emulator.virtualClocks();
        for (Map.Entry<String, Instant> e : change.clocks().entrySet()) {
            VirtualClock clock = clocks.get(e.getKey());
            if (clock != null && e.getValue().isAfter(clock.instant())) {
                clock.set(e.getValue());
            }
        }
        if (!change.isRequest()) {
            return;
        }
        RequestTarget target = RequestTarget.parse(change.uri(), change.query().isEmpty() ? null : change.query());
        Router.Match match = (change.admin() ? admin : arm).match(change.method(), target.segments());
        if (match == null) {
            throw new IllegalStateException("no route for " + change.method() + " " + change.uri());
        }
        ApiRequest request = new ApiRequest(change.method(), target, match.params(), change.body(),
                "https://127.0.0.1", change.now());
        Exception[] failure = new Exception[1];
        boolean ownClock = !change.admin()
                && emulator.clockFor(RequestContext.subscriptionOf(target)) != emulator.clock();
        PinnableClock.pinnedAt(ownClock ? null : change.now(), () -> {
            try {
                Guids.replaying(change.ids(), () -> match.operation().handle(request));
            } catch (Exception e) {
                failure[0] = e;
            }
            return null;
        });
        if (failure[0] != null) {
            throw failure[0];
        }
    }
}
