package io.backupmock.testkit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.backupmock.contracts.Schemas;
import io.backupmock.fixtures.Fixtures;
import io.backupmock.server.BackupMockServer;
import io.backupmock.server.tls.SelfSignedCertificate;
import io.backupmock.server.wire.Json;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The slow first uses of a test run, begun on a thread of their own as soon as the extension is
 * loaded, so they overlap JUnit's own start and the first server's instead of coming inside the
 * first test: the JSON mapper, the default scenario, the schemas that check every request and answer
 * (on sample payloads), the TLS contexts and the tests' shared client, and, once a server is up, a
 * TLS handshake through that client. A test that needs one first waits only for what is left of it
 * (the JVM sets each class up once); nothing here changes what a test sees.
 */
final class TestWarmUp {
    private static final AtomicBoolean BEGUN = new AtomicBoolean();
    private static final Map<Schemas, String> SAMPLES = Map.of(
            Schemas.BACKUP_REQUEST_RESOURCE, "payloads/backup-request-iaasvm.json",
            Schemas.OPERATION_STATUS, "payloads/operation-status-succeeded.json",
            Schemas.JOB_RESOURCE, "payloads/job-backup-completed.json",
            Schemas.ERROR_RESPONSE, "payloads/error-job-not-found.json");

    private TestWarmUp() {
    }

    /** Mapper and schemas, and beside them what the first server's start sets up cold; once per JVM. */
    static void begin() {
        if (BEGUN.compareAndSet(false, true)) {
            daemon("backup-mock-test-warm-up-tls", () -> {
                // What the first server's start and its first test need next, made meanwhile: the
                // platform MBean server (where XNIO registers its workers: a tenth of a second cold),
                // the shared certificate's server TLS context, and the tests' shared client.
                ManagementFactory.getPlatformMBeanServer();
                SelfSignedCertificate.shared().serverContext();
                EmbeddedEmulator.SharedClient.prepare();
            });
            daemon("backup-mock-test-warm-up", () -> {
                // The scenario every vault's jobs follow, and each schema checking a payload like
                // the ones a first test sends and reads (an empty one leaves most checks cold).
                BackupMockServer.defaultScenario();
                for (Map.Entry<Schemas, String> e : SAMPLES.entrySet()) {
                    try {
                        e.getKey().validate(Json.mapper().readTree(Fixtures.read(e.getValue())));
                    } catch (java.io.IOException | RuntimeException failure) {
                        // A warm-up only: the same check in a test reports a failure.
                    }
                }
                var page = JsonNodeFactory.instance.objectNode();
                page.putArray("value");
                Schemas.JOB_RESOURCE_LIST.validate(page);
            });
        }
    }

    /** One request through the shared client: both ends' TLS and the client's HTTP stack set up. */
    static Future<?> handshake(EmbeddedEmulator emulator) {
        FutureTask<Void> request = new FutureTask<>(() -> {
            try {
                emulator.client().send(HttpRequest.newBuilder(URI.create(emulator.baseUri()
                        + "/backupmock/admin/clock")).build(), HttpResponse.BodyHandlers.discarding());
            } catch (java.io.IOException e) {
                // A warm-up only: the test's own first request does the same and reports a failure.
            }
            return null;
        });
        daemon("backup-mock-test-handshake", request);
        return request;
    }

    private static void daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }
}
