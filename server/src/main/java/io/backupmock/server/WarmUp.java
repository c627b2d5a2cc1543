package io.backupmock.server;

import io.backupmock.server.wire.Json;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.LoggerFactory;

/**
 * The slow first uses of a start, begun on a thread of their own so that they overlap the command
 * line, the routes and the listeners opening instead of coming before them: logging's set-up (SLF4J
 * looks its binding up in the jar, which opens the jar) and the JSON generator that writes every
 * answer. Whoever needs one of them first waits only for what is left of it; the JVM runs each
 * class's set-up once, whichever thread comes first. The object mapper is left to its first use
 * (a request body, a script): building it here cost a start more than it saved the first answer.
 */
public final class WarmUp {
    private static final AtomicBoolean BEGUN = new AtomicBoolean();

    private WarmUp() {
    }

    /** Begins the warm-up, once per JVM. */
    public static void begin() {
        if (!BEGUN.compareAndSet(false, true)) {
            return;
        }
        Thread thread = new Thread(() -> {
            LoggerFactory.getILoggerFactory();
            Json.bytes(Json.object().put("warm", true));
        }, "backup-mock-warm-up");
        thread.setDaemon(true);
        thread.start();
    }
}
