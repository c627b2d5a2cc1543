package io.backupmock.testkit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.backupmock.contracts.Schemas;
import io.backupmock.server.wire.Json;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The slow first uses of a test run, begun on a thread of their own as soon as the extension is
 * loaded, so they overlap JUnit's own start instead of coming inside the first test: the JSON mapper,
 * the schemas that check every request and answer, and, once a server is up, a TLS handshake through
 * the tests' shared client. A test that needs one first waits only for what is left of it (the JVM
 * sets each class up once); nothing here changes what a test sees.
 */
final class TestWarmUp {
    private static final AtomicBoolean BEGUN = new AtomicBoolean();

    private TestWarmUp() {
    }

    /** Mapper and schemas, once per JVM. */
    static void begin() {
        if (BEGUN.compareAndSet(false, true)) {
            daemon("backup-mock-test-warm-up", () -> {
                Json.mapper();
                var empty = JsonNodeFactory.instance.objectNode();
                for (Schemas schema : new Schemas[] {Schemas.BACKUP_REQUEST_RESOURCE, Schemas.OPERATION_STATUS,
                        Schemas.JOB_RESOURCE, Schemas.JOB_RESOURCE_LIST, Schemas.ERROR_RESPONSE}) {
                    schema.validate(empty);
                }
            });
        }
    }

    /** One request through the shared client: both ends' TLS and the client's HTTP stack set up. */
    static void handshake(EmbeddedEmulator emulator) {
        daemon("backup-mock-test-handshake", () -> {
            try {
                emulator.httpClient().send(HttpRequest.newBuilder(URI.create(emulator.baseUri()
                        + "/backupmock/admin/clock")).build(), HttpResponse.BodyHandlers.discarding());
            } catch (java.io.IOException e) {
                // A warm-up only: the test's own first request does the same and reports a failure.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private static void daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }
}
