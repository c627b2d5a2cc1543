package io.backupmock.testkit;

import io.backupmock.server.BackupMockServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.net.ssl.SSLContext;

/**
 * The emulator embedded in a test run, without JUnit's help: what {@link BackupMockTest} starts for
 * a class. Each {@link #newSubscription()} is one test's world (its own subscription and virtual
 * clock), so any number of them share one server.
 *
 * <pre>{@code
 * try (EmbeddedEmulator emulator = EmbeddedEmulator.start()) {
 *     BackupMock azure = emulator.newSubscription();
 *     // … point a client at azure.baseUri(), trusting azure.sslContext(); move azure.clock()
 * }
 * }</pre>
 */
public final class EmbeddedEmulator implements AutoCloseable {
    static {
        // Before any Undertow class is loaded: its logging picks its back end once.
        EmbeddedLogging.configure();
        TestWarmUp.begin();
    }

    private final BackupMockServer server;
    private volatile SSLContext clientContext;
    private volatile HttpClient httpClient;

    private EmbeddedEmulator(BackupMockServer server) {
        this.server = server;
    }

    /** Loads this class (its logging set-up and warm-up) ahead of the first server. */
    static void prepare() {
    }

    /** HTTPS on a free port of 127.0.0.1, with the testkit's defaults. */
    public static EmbeddedEmulator start() {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    static EmbeddedEmulator start(BackupMockOptions options) {
        BackupMockServer.Builder builder = BackupMockServer.builder().settings(options.settings());
        if (!options.https()) {
            builder.noHttps().httpPort(0);
        }
        EmbeddedEmulator emulator = new EmbeddedEmulator(builder.start());
        TestWarmUp.handshake(emulator);
        return emulator;
    }

    /** A fresh subscription with its own virtual clock, starting now. */
    public BackupMock newSubscription() {
        return newSubscription(Instant.ofEpochMilli(System.currentTimeMillis()), Duration.ZERO);
    }

    /** A fresh subscription whose clock starts at {@code clockStart} and moves {@code autoAdvance} a request. */
    public BackupMock newSubscription(Instant clockStart, Duration autoAdvance) {
        return new BackupMock(this, UUID.randomUUID().toString(), clockStart, autoAdvance);
    }

    /** The HTTPS base URI (the HTTP one if the emulator serves plain HTTP). */
    public URI baseUri() {
        return server.baseUri();
    }

    /** Stops the server at once. */
    @Override
    public void close() {
        server.close();
    }

    BackupMockServer server() {
        return server;
    }

    /** One TLS context for every test: it trusts the emulator's certificate and nothing else. */
    SSLContext clientContext() {
        SSLContext context = clientContext;
        if (context == null) {
            context = server.certificate().clientContext();
            clientContext = context;
        }
        return context;
    }

    /** One client for every test of the server: its connections (and TLS sessions) are reused. */
    HttpClient httpClient() {
        HttpClient client = httpClient;
        if (client == null) {
            synchronized (this) {
                client = httpClient;
                if (client == null) {
                    client = HttpClient.newBuilder().sslContext(clientContext()).version(HttpClient.Version.HTTP_1_1)
                            .connectTimeout(Duration.ofSeconds(5)).build();
                    httpClient = client;
                }
            }
        }
        return client;
    }

    /** Options of an embedded emulator; each has the testkit's default. */
    public static final class Builder extends ServerOptions<Builder> {
        public EmbeddedEmulator start() {
            return EmbeddedEmulator.start(options);
        }
    }
}
