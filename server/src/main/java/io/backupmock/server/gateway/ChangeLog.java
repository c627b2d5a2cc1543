package io.backupmock.server.gateway;

import java.io.IOException;

/**
 * Where the gateway saves each change it acknowledges, when the emulator keeps its state (see the
 * store package). {@link #append} is called in the order the changes were made, one at a time;
 * {@link #awaitDurable} before the answer is sent, so several changes may share one flush.
 */
public interface ChangeLog {

    /** Adds a change (a reset starts the log again); answers a ticket for {@link #awaitDurable}. */
    long append(Change change) throws IOException;

    /** Returns once every change up to the ticket's is on disk. */
    void awaitDurable(long ticket) throws IOException;
}
