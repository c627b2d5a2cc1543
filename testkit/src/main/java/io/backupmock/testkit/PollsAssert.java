package io.backupmock.testkit;

import java.util.List;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/** Assertions on the polls of one operation or job, from {@link JournalAssert#polled(String)}. */
public final class PollsAssert extends AbstractAssert<PollsAssert, List<RecordedRequest>> {
    private final String id;
    private final List<RecordedRequest> all;

    PollsAssert(String id, List<RecordedRequest> polls, List<RecordedRequest> all) {
        super(polls, PollsAssert.class);
        this.id = id;
        this.all = all;
    }

    public PollsAssert atMost(int count) {
        if (actual.size() > count) {
            failWithActualExpectedAndMessage(actual.size(), count, "Expecting <%s> to be polled at most %d times but it was polled %d times:%n%s", id, count,
                    actual.size(), listing());
        }
        return myself;
    }

    public PollsAssert atLeast(int count) {
        if (actual.size() < count) {
            failWithActualExpectedAndMessage(actual.size(), count, "Expecting <%s> to be polled at least %d times but it was polled %d times:%n%s", id,
                    count, actual.size(), listing());
        }
        return myself;
    }

    public PollsAssert times(int count) {
        if (actual.size() != count) {
            failWithActualExpectedAndMessage(actual.size(), count, "Expecting <%s> to be polled %d times but it was polled %d times:%n%s", id, count,
                    actual.size(), listing());
        }
        return myself;
    }

    /** Each of these polls waited the Retry-After of the answer before it. */
    public PollsAssert honouredRetryAfter() {
        List<String> breaches = Polling.retryAfterBreaches(all, actual);
        if (!breaches.isEmpty()) {
            failWithMessage("Expecting polls of <%s> to honour Retry-After, but:%n%s", id, JournalAssert.lines(breaches));
        }
        return myself;
    }

    /** Polling stopped once the operation or job reported a terminal state. */
    public PollsAssert stoppedAtTerminalState() {
        List<String> late = Polling.pollsAfterTheEnd(actual);
        if (!late.isEmpty()) {
            failWithMessage("Expecting polls of <%s> to stop at its terminal state, but:%n%s", id,
                    JournalAssert.lines(late));
        }
        boolean ended = actual.stream().anyMatch(r -> Polling.terminalState(r) != null);
        if (!ended) {
            failWithMessage("Expecting polls of <%s> to reach a terminal state, but the last answer was:%n  %s%n%s",
                    id, actual.get(actual.size() - 1), actual.get(actual.size() - 1).responseBody());
        }
        return myself;
    }

    private String listing() {
        return actual.stream().map(r -> "  " + r).collect(Collectors.joining("\n"));
    }
}
