package io.backupmock.server;

import io.backupmock.server.wire.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.LoggerFactory;

/**
 * The slow first uses of a start, begun on a thread of their own so that they overlap the command
 * line, the routes and the listeners opening instead of coming before them: logging's set-up (SLF4J
 * looks its binding up in the jar, which opens the jar) and Jackson's (the mapper, its date formats,
 * the first serializers), together about a tenth of a second. Whoever needs one of them first waits
 * only for what is left of it; the JVM runs each class's set-up once, whichever thread comes first.
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
            try {
                Json.MAPPER.writeValueAsBytes(Json.object().put("warm", true));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "backup-mock-warm-up");
        thread.setDaemon(true);
        thread.start();
    }
}
