package io.backupmock.testkit;

import java.util.List;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/**
 * Verifies what a test's client sent, e.g.
 * {@code assertThat(azure.journal()).receivedBackupTrigger(item).honouredRetryAfter().noSchemaViolations()}.
 * Failures list the closest requests received.
 */
public final class JournalAssert extends AbstractAssert<JournalAssert, RequestJournal> {

    JournalAssert(RequestJournal actual) {
        super(actual, JournalAssert.class);
    }

    /** At least one {@code POST …/protectedItems/{itemName}/backup} was received. */
    public JournalAssert receivedBackupTrigger(String itemName) {
        isNotNull();
        if (actual.backupTriggers(itemName).isEmpty()) {
            failWithMessage("Expecting a backup trigger POST …/protectedItems/%s/backup but none was received."
                    + "%nClosest requests:%n%s", itemName,
                    NearMisses.closest(actual.requests(), "POST /protectedItems/" + itemName + "/backup", 3));
        }
        return myself;
    }

    /** The polls of an operation or job (by its id): how many, how spaced, when they stopped. */
    public PollsAssert polled(String operationOrJobId) {
        isNotNull();
        List<RecordedRequest> polls = actual.polls(operationOrJobId);
        if (polls.isEmpty()) {
            failWithMessage("Expecting polls of <%s> but none were received.%nClosest requests:%n%s",
                    operationOrJobId, NearMisses.closest(actual.requests(), "GET /" + operationOrJobId, 3));
        }
        return new PollsAssert(operationOrJobId, polls, actual.requests());
    }

    /** No request came sooner than the Retry-After of the answer it followed up on. */
    public JournalAssert honouredRetryAfter() {
        isNotNull();
        List<RecordedRequest> all = actual.requests();
        List<String> breaches = Polling.retryAfterBreaches(all, all);
        if (!breaches.isEmpty()) {
            failWithMessage("Expecting every request to honour Retry-After, but:%n%s", lines(breaches));
        }
        return myself;
    }

    /** No URL was polled again once it had reported a terminal state. */
    public JournalAssert stoppedPollingAtTerminalState() {
        isNotNull();
        List<String> late = Polling.pollsAfterTheEnd(actual.find(r -> r.method().equals("GET")));
        if (!late.isEmpty()) {
            failWithMessage("Expecting polling to stop at a terminal state, but:%n%s", lines(late));
        }
        return myself;
    }

    /** No request body broke its schema, nor did any answer of the emulator. */
    public JournalAssert noSchemaViolations() {
        isNotNull();
        List<RecordedRequest> bad = actual.find(r -> !r.violations().isEmpty());
        if (!bad.isEmpty()) {
            failWithMessage("Expecting no schema violations, but:%n%s", bad.stream()
                    .map(r -> "  #" + r.sequence() + " " + r.method() + " " + r.path() + ": "
                            + String.join("; ", r.violations()))
                    .collect(Collectors.joining("\n")));
        }
        return myself;
    }

    /** Exactly {@code count} requests were received. */
    public JournalAssert hasRequestCount(int count) {
        isNotNull();
        int received = actual.requests().size();
        if (received != count) {
            failWithActualExpectedAndMessage(received, count, "Expecting %d requests but %d were received:%n%s", count,
                    received,
                    actual.requests().stream().map(r -> "  " + r).collect(Collectors.joining("\n")));
        }
        return myself;
    }

    static String lines(List<String> items) {
        return items.stream().map(s -> "  " + s).collect(Collectors.joining("\n"));
    }
}
