package io.backupmock.server;

import io.backupmock.server.state.Emulator;
import io.backupmock.server.state.Settings;

import io.backupmock.fixtures.Fixtures;
import io.backupmock.server.config.EmulatorConfig;
import io.backupmock.server.control.Control;
import io.backupmock.server.dashboard.Dashboard;
import io.backupmock.server.edge.EdgeHandler;
import io.backupmock.server.edge.EdgeLimits;
import io.backupmock.server.gateway.Gateway;
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
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import org.xnio.Options;

/**
 * The emulator as a running server: HTTPS (and optionally plain HTTP) listeners in front of one
 * {@link Emulator}. Build with {@link #builder()}, {@link Builder#start()}, and close when done.
 */
public final class BackupMockServer implements AutoCloseable {
    private final Undertow undertow;
    private final GracefulShutdownHandler shutdown;
    private final Emulator emulator;
    private final Control control;
    private final SelfSignedCertificate certificate;
    private final URI httpsUri;
    private final URI httpUri;

    private BackupMockServer(Undertow undertow, GracefulShutdownHandler shutdown, Control control,
                             SelfSignedCertificate certificate, URI httpsUri, URI httpUri) {
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

    /** Stops at once; requests in flight are cut. */
    @Override
    public void close() {
        undertow.stop();
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
        private EmulatorConfig config = EmulatorConfig.EMPTY;
        private EdgeLimits edgeLimits = EdgeLimits.DEFAULTS;
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

        /** Size limits and connection timeouts at the edge (see docs/limits.md). */
        public Builder edgeLimits(EdgeLimits value) {
            this.edgeLimits = Objects.requireNonNull(value, "edgeLimits");
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

        public BackupMockServer start() {
            if (httpsPort == null && httpPort == null) {
                throw new IllegalStateException("serve HTTPS, HTTP, or both");
            }
            // The key and TLS context take longer to make than all the rest: they are made meanwhile.
            DeferredSslContext tls = httpsPort == null ? null : DeferredSslContext.serverContextOf(
                    () -> certificate != null ? certificate : SelfSignedCertificate.shared());
            WarmUp.begin();
            Tenancy tenancy;
            if (scenario == null && config.scenario() == null) {
                // The fixture is known to parse; it is read when the first job needs it.
                tenancy = new Tenancy(BackupMockServer::defaultScenario, settings.strict());
            } else {
                tenancy = new Tenancy(config.scenario(scenario != null ? scenario : defaultScenario()),
                        settings.strict());
            }
            Emulator emulator = new Emulator(tenancy, clock, settings);
            Control control = new Control(emulator);
            control.declare(config.declarations());
            HttpHandler served = PathWarmUp.wrap(new Dashboard(EdgeHandler.wrap(
                    Gateway.handler(emulator, Routes.build(emulator), Routes.outsideArm(emulator), Routes.admin(control)),
                    Gateway.MAX_BODY_BYTES, edgeLimits)), settings, edgeLimits, warmUp);
            GracefulShutdownHandler shutdown = new GracefulShutdownHandler(served);
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
            if (served instanceof PathWarmUp warming) {
                SelfSignedCertificate own = certificate;
                warming.begin(http, https, () -> (own != null ? own : SelfSignedCertificate.shared()).clientContext());
            }
            return new BackupMockServer(undertow, shutdown, control, certificate, https, http);
        }
    }
}
