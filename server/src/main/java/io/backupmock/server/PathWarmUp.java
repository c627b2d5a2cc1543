package io.backupmock.server;

import io.backupmock.server.control.Control;
import io.backupmock.server.dashboard.Dashboard;
import io.backupmock.server.edge.EdgeHandler;
import io.backupmock.server.edge.EdgeLimits;
import io.backupmock.server.gateway.Gateway;
import io.backupmock.server.jobs.JobOperation;
import io.backupmock.server.jobs.JobScript;
import io.backupmock.server.state.Emulator;
import io.backupmock.server.state.Settings;
import io.backupmock.server.tenancy.Tenancy;
import io.backupmock.server.tenancy.Vault;
import io.backupmock.server.throttling.RateLimits;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the poll path up to speed right after a start: a daemon thread sends tens of thousands of
 * requests (a running job's GET, a finished job's, now and then a 200-job list page) to the
 * server's own listener, as a client would, so that the JIT compiles the whole path (Undertow's
 * parser, the edge, the gateway, the model, the renderer, the journal, the send) before clients need
 * it rather than while they wait (the JIT's last tier compiles a method once it has run some
 * thousands of times, so a few thousand requests are not enough).
 *
 * <p>Nothing a client sees changes: those requests carry a random token known only to this JVM
 * and are answered by a throw-away emulator of their own (its own tenancy, journal and rate limits)
 * through handlers of the same classes, so the server's journal, counts and jobs never show them.
 * The thread gives way to real requests (it waits while any came in the last {@value #GIVE_WAY_MS}
 * ms), begins {@value #START_DELAY_MS} ms after the start (which its first request then has to itself),
 * stops after {@value #REQUESTS} requests or {@value #MAX_SECONDS} s, and runs once per JVM:
 * compiled code serves every emulator of a test run. Off unless asked for
 * ({@code BackupMockServer.Builder.warmUp}): measured on a loaded 2-core machine it made no
 * difference that stood out from the noise (docs/warm-up.md).
 */
final class PathWarmUp implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(PathWarmUp.class);
    static final HttpString TOKEN_HEADER = new HttpString("x-backupmock-warm-up");
    static final int REQUESTS = 30_000;
    static final int MAX_SECONDS = 15;
    static final int GIVE_WAY_MS = 20;
    static final int START_DELAY_MS = 250;
    private static final AtomicBoolean BEGUN = new AtomicBoolean();
    private static final String SUB = "00000000-0000-0000-0000-0000000000aa";

    private final byte[] token = UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII);
    private final String tokenText = new String(token, StandardCharsets.US_ASCII);
    private final HttpHandler served;
    private final Settings settings;
    private final EdgeLimits limits;
    private final boolean checked;
    /** The throw-away emulator's handlers, made on the warm-up's thread before its first request. */
    private volatile HttpHandler warm;
    private Vault vault;
    /** When the last request not of the warm-up came in (System.nanoTime), to give way to it. */
    private volatile long lastServed = System.nanoTime() - TimeUnit.SECONDS.toNanos(1);
    private volatile int sent;

    PathWarmUp(HttpHandler served, Settings settings, EdgeLimits limits) {
        this.served = served;
        this.settings = settings;
        this.limits = limits;
        this.checked = settings.validateResponses();
    }

    /** Makes the throw-away emulator and its handlers: on the warm-up's thread, not the start's. */
    private void makeOwnEmulator() {
        Settings own = settings.toBuilder().rateLimits(new RateLimits(Integer.MAX_VALUE, Integer.MAX_VALUE,
                Integer.MAX_VALUE)).build();
        Emulator emulator = new Emulator(new Tenancy(BackupMockServer::defaultScenario, false), Clock.systemUTC(), own);
        Control control = new Control(emulator);
        vault = control.vault(SUB, "warm-up", "warm-up");
        warm = new Dashboard(EdgeHandler.wrap(Gateway.handler(emulator, Routes.build(emulator),
                Routes.outsideArm(emulator), Routes.admin(control)), Gateway.MAX_BODY_BYTES, limits));
    }

    /**
     * The handler to serve with: {@code served}, and the warm-up's own requests beside it, if this
     * is the first server of the JVM (otherwise {@code served} as it is).
     */
    static HttpHandler wrap(HttpHandler served, Settings settings, EdgeLimits limits, boolean enabled) {
        if (!enabled || !BEGUN.compareAndSet(false, true)) {
            return served;
        }
        return new PathWarmUp(served, settings, limits);
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        String presented = exchange.getRequestHeaders().getFirst(TOKEN_HEADER);
        HttpHandler own = warm;
        if (presented != null && own != null
                && MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.US_ASCII))) {
            own.handleRequest(exchange);
            return;
        }
        lastServed = System.nanoTime();
        served.handleRequest(exchange);
    }

    /** Requests sent so far (for tests). */
    int sent() {
        return sent;
    }

    /** Begins sending, over plain HTTP if served, else over HTTPS trusting the server's certificate. */
    void begin(URI http, URI https, Supplier<SSLContext> trust) {
        Thread thread = new Thread(() -> run(http, https, trust), "backup-mock-path-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    private void run(URI http, URI https, Supplier<SSLContext> trust) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(MAX_SECONDS);
        try {
            // A start's first request (often sent the moment the server is up) is not made to share the CPU with this.
            Thread.sleep(START_DELAY_MS);
            makeOwnEmulator();
            List<String> paths = paths();
            URI target = http != null ? http : https;
            try (Socket socket = connect(target, http == null ? trust.get() : null)) {
                OutputStream out = socket.getOutputStream();
                InputStream in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
                String host = target.getHost() + ":" + target.getPort();
                for (int i = 0; i < REQUESTS && System.nanoTime() < deadline; i++) {
                    while (System.nanoTime() - lastServed < TimeUnit.MILLISECONDS.toNanos(GIVE_WAY_MS)) {
                        if (System.nanoTime() >= deadline) {
                            return;
                        }
                        Thread.sleep(GIVE_WAY_MS);
                    }
                    // A page is 140 KB (and slow to check against its schema where answers are checked).
                    boolean page = i % 40 == 39 && !checked;
                    String path = page ? paths.get(2) : i % 8 == 7 ? paths.get(1) : paths.get(0);
                    out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: Bearer warm-up\r\n"
                            + TOKEN_HEADER + ": " + tokenText + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    readResponse(in);
                    sent = i + 1;
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("warm-up stopped after {} requests: {}", sent, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A running job's GET, a finished job's, and the first page of 200 jobs. */
    private List<String> paths() {
        List<String> out = new ArrayList<>(3);
        JobScript running = JobScript.backup().task("Take Snapshot", Duration.ofHours(1))
                .task("Transfer data to vault", Duration.ofHours(23)).build();
        JobScript finished = JobScript.backup().task("Take Snapshot", Duration.ZERO).build();
        String api = "?api-version=2019-05-13";
        String jobs = vault.path() + "/backupJobs";
        String runningId = vault.startJob(JobOperation.Backup, running, null,
                Clock.systemUTC().instant()).id();
        String finishedId = vault.startJob(JobOperation.Backup, finished, null,
                Clock.systemUTC().instant().minusSeconds(60)).id();
        for (int i = 0; i < 198; i++) {
            vault.startJob(JobOperation.Backup, i % 2 == 0 ? running : finished, null,
                    Clock.systemUTC().instant().minusSeconds(i));
        }
        out.add(jobs + "/" + runningId + api);
        out.add(jobs + "/" + finishedId + api);
        out.add(jobs + api);
        return out;
    }

    private static Socket connect(URI target, SSLContext tls) throws IOException {
        Socket plain = new Socket();
        plain.setTcpNoDelay(true);
        plain.connect(new InetSocketAddress(target.getHost(), target.getPort()), 2_000);
        plain.setSoTimeout(10_000);
        if (tls == null) {
            return plain;
        }
        return tls.getSocketFactory().createSocket(plain, target.getHost(), target.getPort(), true);
    }

    /** Reads one response: headers to the blank line, then Content-Length bytes. */
    private static void readResponse(InputStream in) throws IOException {
        int length = -1;
        StringBuilder line = new StringBuilder(64);
        boolean first = true;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed");
            }
            if (b != '\n') {
                if (b != '\r') {
                    line.append((char) b);
                }
                continue;
            }
            if (line.length() == 0) {
                break;
            }
            if (first && !line.toString().startsWith("HTTP/1.1 200")) {
                throw new IOException("answered " + line);
            }
            first = false;
            if (line.length() > 15 && line.substring(0, 15).equalsIgnoreCase("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
            line.setLength(0);
        }
        if (length < 0) {
            throw new IOException("no Content-Length");
        }
        for (long left = length; left > 0; ) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new IOException("connection closed");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }
}
