package io.backupmock.testkit;

import io.backupmock.server.BackupMockServer;
import io.backupmock.server.tls.SelfSignedCertificate;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
    /** The warm-up's first request through the client; done at once if there is none. */
    private volatile Future<?> handshake = CompletableFuture.completedFuture(null);

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
        emulator.handshake = TestWarmUp.handshake(emulator);
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
        if (servesSharedCertificate()) {
            return SharedClient.CONTEXT;
        }
        SSLContext context = clientContext;
        if (context == null) {
            context = server.certificate().clientContext();
            clientContext = context;
        }
        return context;
    }

    /**
     * One client for every test of the server: its connections (and TLS sessions) are reused. The
     * first caller waits for the warm-up's handshake, if still under way, to reuse its connection
     * rather than make a second one just as cold.
     */
    HttpClient httpClient() {
        Future<?> warmUp = handshake;
        if (!warmUp.isDone()) {
            try {
                warmUp.get(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                // A warm-up only: the caller's own request does the same and reports a failure.
            }
        }
        return client();
    }

    /** The client, without waiting for the warm-up (what the warm-up itself uses). */
    HttpClient client() {
        if (servesSharedCertificate()) {
            return SharedClient.CLIENT;
        }
        HttpClient client = httpClient;
        if (client == null) {
            synchronized (this) {
                client = httpClient;
                if (client == null) {
                    client = newClient(clientContext());
                    httpClient = client;
                }
            }
        }
        return client;
    }

    private boolean servesSharedCertificate() {
        return server.certificate() == SelfSignedCertificate.shared();
    }

    private static HttpClient newClient(SSLContext context) {
        return HttpClient.newBuilder().sslContext(context).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /**
     * The client of every emulator serving the certificate they share (all of them, unless given
     * another), made once per JVM: the warm-up makes it while the first server starts.
     */
    static final class SharedClient {
        static final SSLContext CONTEXT = SelfSignedCertificate.shared().clientContext();
        static final HttpClient CLIENT = newClient(CONTEXT);

        private SharedClient() {
        }

        /** Makes the client (on first call, on the calling thread). */
        static void prepare() {
        }
    }

    /** Options of an embedded emulator; each has the testkit's default. */
    public static final class Builder extends ServerOptions<Builder> {
        public EmbeddedEmulator start() {
            return EmbeddedEmulator.start(options);
        }
    }
}
