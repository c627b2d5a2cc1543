package io.backupmock.server;

import io.backupmock.server.state.Emulator;
import io.backupmock.server.state.Settings;

import io.backupmock.fixtures.Fixtures;
import io.backupmock.server.config.EmulatorConfig;
import io.backupmock.server.control.Control;
import io.backupmock.server.dashboard.Dashboard;
import io.backupmock.server.edge.EdgeHandler;
import io.backupmock.server.edge.EdgeLimits;
import io.backupmock.server.clock.PinnableClock;
import io.backupmock.server.clock.VirtualClock;
import io.backupmock.server.gateway.Change;
import io.backupmock.server.gateway.Durability;
import io.backupmock.server.gateway.Gateway;
import io.backupmock.server.gateway.Replay;
import io.backupmock.server.gateway.Router;
import io.backupmock.server.store.StateStore;
import io.backupmock.server.jobs.Scenario;
import io.backupmock.server.tenancy.Tenancy;
import io.backupmock.server.tls.DeferredSslContext;
import io.backupmock.server.tls.SelfSignedCertificate;
import io.backupmock.server.wire.Json;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.GracefulShutdownHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.Options;

/**
 * The emulator as a running server: HTTPS (and optionally plain HTTP) listeners in front of one
 * {@link Emulator}. Build with {@link #builder()}, {@link Builder#start()}, and close when done.
 */
public final class BackupMockServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BackupMockServer.class);
    private final Undertow undertow;
    private final GracefulShutdownHandler shutdown;
    private final Emulator emulator;
    private final Control control;
    private final SelfSignedCertificate certificate;
    private final URI httpsUri;
    private final URI httpUri;
    private final StateStore store;
    private final Durability durability;

    private BackupMockServer(Undertow undertow, GracefulShutdownHandler shutdown, Control control,
                             SelfSignedCertificate certificate, URI httpsUri, URI httpUri, StateStore store,
                             Durability durability) {
        this.store = store;
        this.durability = durability;
        this.undertow = undertow;
        this.shutdown = shutdown;
        this.control = control;
        this.emulator = control.emulator();
        this.certificate = certificate;
        this.httpsUri = httpsUri;
        this.httpUri = httpUri;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The default scenario, read from the fixtures module once (a scenario is immutable). */
    public static Scenario defaultScenario() {
        return DefaultScenario.VALUE;
    }

    /** Holder: read on first use, by whichever thread comes first, and only once. */
    private static final class DefaultScenario {
        static final Scenario VALUE = read();

        private static Scenario read() {
            try {
                return Json.mapper().readValue(Fixtures.read(Fixtures.DEFAULT_SCENARIO), Scenario.class);
            } catch (IOException e) {
                throw new UncheckedIOException("the default scenario fixture does not parse", e);
            }
        }
    }

    public Emulator emulator() {
        return emulator;
    }

    /** The one way to change the emulator: what the admin API, configuration files and the testkit use. */
    public Control control() {
        return control;
    }

    /** The certificate HTTPS is served with (made on first use when only HTTP is served). */
    public SelfSignedCertificate certificate() {
        return certificate != null ? certificate : SelfSignedCertificate.shared();
    }

    /** The HTTPS base URI (e.g. {@code https://127.0.0.1:8443}), or the HTTP one if HTTPS is off. */
    public URI baseUri() {
        return httpsUri != null ? httpsUri : httpUri;
    }

    /** The HTTPS base URI, or null if HTTPS is off. */
    public URI httpsUri() {
        return httpsUri;
    }

    /** The plain HTTP base URI, or null if no HTTP listener was asked for. */
    public URI httpUri() {
        return httpUri;
    }

    /** Every base URI served, HTTPS first. */
    public List<URI> uris() {
        List<URI> out = new ArrayList<>(2);
        if (httpsUri != null) {
            out.add(httpsUri);
        }
        if (httpUri != null) {
            out.add(httpUri);
        }
        return out;
    }

    /** What the start found wrong in the state directory and cut off (empty without one). */
    public List<String> stateWarnings() {
        return store == null ? List.of() : store.warnings();
    }

    /** Stops at once; requests in flight are cut. */
    @Override
    public void close() {
        undertow.stop();
        closeStore();
    }

    /** Notes where the virtual clocks stand, then unlocks the state directory. */
    private void closeStore() {
        if (store == null) {
            return;
        }
        try {
            durability.stop();
        } catch (IOException | RuntimeException e) {
            LOG.warn("{}: could not save the virtual clocks at stop: {}", store.directory(), e.toString());
        }
        store.close();
    }

    /** Stops taking requests, lets those in flight finish (up to {@code wait}), then stops. */
    public void shutdownGracefully(Duration wait) {
        shutdown.shutdown();
        try {
            shutdown.awaitShutdown(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        undertow.stop();
        closeStore();
    }

    /** Options of the server; every one has a default that needs no set-up. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private Integer httpsPort = 0;
        private Integer httpPort;
        private Clock clock = Clock.systemUTC();
        private Settings settings = Settings.DEFAULTS;
        private Scenario scenario;
        private SelfSignedCertificate certificate;
        private boolean freshCertificate;
        private EmulatorConfig config = EmulatorConfig.EMPTY;
        private EdgeLimits edgeLimits = EdgeLimits.DEFAULTS;
        private Path stateDir;
        /** Off unless the JVM is started with {@code -Dbackupmock.warmUp=true}. */
        private boolean warmUp = "true".equalsIgnoreCase(System.getProperty("backupmock.warmUp"));

        public Builder host(String value) {
            this.host = Objects.requireNonNull(value, "host");
            return this;
        }

        /** HTTPS port; 0 picks a free one. */
        public Builder httpsPort(int port) {
            this.httpsPort = port;
            return this;
        }

        /** No HTTPS listener (then an HTTP port must be given). */
        public Builder noHttps() {
            this.httpsPort = null;
            return this;
        }

        /** Also serve plain HTTP on this port; 0 picks a free one. */
        public Builder httpPort(int port) {
            this.httpPort = port;
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        public Builder settings(Settings value) {
            this.settings = Objects.requireNonNull(value, "settings");
            return this;
        }

        public Builder scenario(Scenario value) {
            this.scenario = Objects.requireNonNull(value, "scenario");
            return this;
        }

        /**
         * A configuration file's content: its settings, clock and scenario apply now (settings given
         * later with {@link #settings} replace them); its vaults, rules and faults at start.
         */
        public Builder config(EmulatorConfig value) {
            this.config = Objects.requireNonNull(value, "config");
            this.settings = value.settings(settings);
            Clock configured = value.buildClock();
            if (configured != null) {
                this.clock = configured;
            }
            return this;
        }

        /**
         * Keeps the state in this directory (see docs/persistence.md): every change acknowledged is
         * on disk first, and a start on the same directory, after a stop or a crash, restores it.
         * Null (the default) keeps nothing.
         */
        public Builder stateDir(Path value) {
            this.stateDir = value;
            return this;
        }

        /** Size limits and connection timeouts at the edge (see docs/limits.md). */
        public Builder edgeLimits(EdgeLimits value) {
            this.edgeLimits = Objects.requireNonNull(value, "edgeLimits");
            return this;
        }

        /**
         * Serve a certificate made for this server, a fresh key (what the standalone does), instead of
         * the one in the jar that embedded emulators share. Made while the listeners open; needs
         * BouncyCastle, which the standalone jar carries.
         */
        public Builder freshCertificate() {
            this.freshCertificate = true;
            return this;
        }

        /**
         * Whether the first server of the JVM brings its request path up to speed right after it
         * starts, with requests of its own that clients never see (off by default, unless the JVM is
         * started with {@code -Dbackupmock.warmUp=true}; see {@code PathWarmUp} and docs/warm-up.md).
         */
        public Builder warmUp(boolean value) {
            this.warmUp = value;
            return this;
        }

        public Builder certificate(SelfSignedCertificate value) {
            this.certificate = Objects.requireNonNull(value, "certificate");
            return this;
        }

        /** The certificate HTTPS serves: given, made fresh (once), or the shared one. */
        private synchronized SelfSignedCertificate servedCertificate() {
            if (certificate == null) {
                certificate = freshCertificate ? SelfSignedCertificate.generate() : SelfSignedCertificate.shared();
            }
            return certificate;
        }

        public BackupMockServer start() {
            if (httpsPort == null && httpPort == null) {
                throw new IllegalStateException("serve HTTPS, HTTP, or both");
            }
            // The key and TLS context take longer to make than all the rest: they are made meanwhile.
            DeferredSslContext tls = httpsPort == null ? null : DeferredSslContext.serverContextOf(
                    this::servedCertificate);
            WarmUp.begin();
            Tenancy tenancy;
            if (scenario == null && config.scenario() == null) {
                // The fixture is known to parse; it is read when the first job needs it.
                tenancy = new Tenancy(BackupMockServer::defaultScenario, settings.strict());
            } else {
                tenancy = new Tenancy(config.scenario(scenario != null ? scenario : defaultScenario()),
                        settings.strict());
            }
            StateStore store = stateDir == null ? null : StateStore.open(stateDir);
            try {
                return start(tls, tenancy, store);
            } catch (RuntimeException | Error e) {
                if (store != null) {
                    store.close();
                }
                throw e;
            }
        }

        private BackupMockServer start(DeferredSslContext tls, Tenancy tenancy, StateStore store) {
            Clock emulatorClock = clock;
            if (store != null && clock instanceof VirtualClock virtual) {
                // A virtual clock made at "now" keeps the start of the first run on the directory.
                Instant saved = store.savedClockStart();
                if (saved != null && !saved.equals(virtual.start())) {
                    emulatorClock = new VirtualClock(saved).autoAdvance(virtual.autoAdvanceStep());
                }
            } else if (store != null) {
                emulatorClock = new PinnableClock(clock);
            }
            Emulator emulator = new Emulator(tenancy, emulatorClock, settings);
            Control control = new Control(emulator);
            control.declare(config.declarations());
            Router arm = Routes.build(emulator);
            Router admin = Routes.admin(control);
            Durability durability = Durability.none(emulator);
            if (store != null) {
                restore(store, new Replay(emulator, arm, admin));
                try {
                    store.begin(emulatorClock instanceof VirtualClock v ? v.start() : null);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                durability = new Durability(emulator, store);
            }
            HttpHandler handler = PathWarmUp.wrap(new Dashboard(EdgeHandler.wrap(
                    Gateway.handler(emulator, arm, Routes.outsideArm(emulator), admin, durability),
                    Gateway.MAX_BODY_BYTES, edgeLimits)), settings, edgeLimits, warmUp);
            GracefulShutdownHandler shutdown = new GracefulShutdownHandler(handler);
            Undertow.Builder builder = Undertow.builder()
                    .setIoThreads(Math.max(2, Runtime.getRuntime().availableProcessors()))
                    .setWorkerThreads(2)
                    .setSocketOption(Options.TCP_NODELAY, true)
                    .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, Gateway.MAX_DRAINED_BYTES)
                    .setServerOption(UndertowOptions.ALWAYS_SET_DATE, false)
                    .setServerOption(UndertowOptions.DECODE_URL, false)
                    .setHandler(shutdown);
            EdgeHandler.configure(builder, edgeLimits);
            if (httpsPort != null) {
                builder.addHttpsListener(httpsPort, host, tls);
            }
            if (httpPort != null) {
                builder.addHttpListener(httpPort, host);
            }
            Undertow undertow = builder.build();
            undertow.start();
            if (tls != null) {
                try {
                    tls.await();
                } catch (CompletionException e) {
                    undertow.stop();
                    throw e.getCause() instanceof RuntimeException cause ? cause : e;
                }
            }
            URI https = null;
            URI http = null;
            for (Undertow.ListenerInfo info : undertow.getListenerInfo()) {
                InetSocketAddress address = (InetSocketAddress) info.getAddress();
                String hostPart = address.getAddress().getHostAddress();
                if (hostPart.contains(":")) {
                    hostPart = "[" + hostPart + "]";
                }
                URI uri = URI.create(info.getProtcol() + "://" + hostPart + ":" + address.getPort());
                if (info.getProtcol().equals("https")) {
                    https = uri;
                } else {
                    http = uri;
                }
            }
            SelfSignedCertificate served = tls == null ? certificate : servedCertificate();
            if (handler instanceof PathWarmUp warming) {
                warming.begin(http, https, () -> (served != null ? served : SelfSignedCertificate.shared()).clientContext());
            }
            return new BackupMockServer(undertow, shutdown, control, served, https, http, store, durability);
        }

        /** Makes the saved changes again, in order; one that does not take is named in a warning. */
        private static void restore(StateStore store, Replay replay) {
            List<Change> changes = store.recovered();
            int failed = 0;
            for (int i = 0; i < changes.size(); i++) {
                Change change = changes.get(i);
                try {
                    replay.apply(change);
                } catch (Exception e) {
                    failed++;
                    String warning = store.directory().resolve(StateStore.LOG_FILE) + ": change " + (i + 1) + " ("
                            + change.method() + " " + change.uri() + ") did not take again: " + e;
                    LOG.warn(warning);
                    store.warnings().add(warning);
                }
            }
            if (!changes.isEmpty()) {
                LOG.info("{}: restored {} changes{}", store.directory(), changes.size() - failed,
                        failed == 0 ? "" : " (" + failed + " did not take)");
            }
        }
    }
}
