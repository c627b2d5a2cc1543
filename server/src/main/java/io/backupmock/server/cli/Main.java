package io.backupmock.server.cli;

import io.backupmock.server.BackupMockServer;
import io.backupmock.server.state.Settings;
import io.backupmock.server.WarmUp;
import io.backupmock.server.config.ConfigException;
import io.backupmock.server.control.ControlException;
import io.backupmock.server.config.ConfigLoader;
import io.backupmock.server.config.EmulatorConfig;
import io.backupmock.server.store.StateDirException;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar backup-mock.jar}: the standalone emulator, and {@code … verify} (see
 * {@link VerifyCommand}). A flag beats its environment variable, which beats the configuration
 * file, which beats the default. Exit codes: 0 after SIGTERM, 1 when it cannot listen, 2 for a wrong
 * command line or configuration, or a state directory it cannot keep its state in.
 */
public final class Main {
    static final String VERSION = "backup-mock 0.1.0";
    static final int CANNOT_LISTEN = 1;
    static final int USAGE = 2;
    static final int INVALID_CONFIG = 2;
    static final int STATE_DIR_REFUSED = 2;
    private static final String DESCRIPTION = String.join(" ",
            "Serves an offline emulator of the Azure Backup job-tracking REST API.",
            "Prints each base URL it serves on its own line once ready, the admin API's URL beside it;",
            "stops gracefully on Ctrl-C or SIGTERM.",
            "Every flag can also be set by the environment variable shown in brackets;",
            "a switch given bare is on, --switch=false turns it off.",
            "Subcommand: verify (Pact files against the emulator; see verify --help).");

    private Main() {
    }

    public static void main(String[] args) {
        configureLogging();
        WarmUp.begin();
        System.exit(run(args, System.getenv(), new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs a command line to its exit code; serving, it returns only once SIGTERM has stopped the emulator. */
    static int run(String[] args, Map<String, String> env, PrintWriter out, PrintWriter err) {
        if (args.length > 0 && args[0].equals("verify")) {
            return VerifyCommand.run(Arrays.copyOfRange(args, 1, args.length), out, err);
        }
        BackupMockServer server;
        try {
            StandaloneOptions options = StandaloneOptions.parse(args, env);
            if (options.help()) {
                CommandLines.printHelp(out, "java -jar backup-mock.jar [FLAGS] | verify --pacts DIR", DESCRIPTION,
                        StandaloneOptions.OPTIONS);
                return 0;
            }
            if (options.version()) {
                out.println(VERSION);
                return 0;
            }
            server = start(options, out);
        } catch (UsageException e) {
            err.println("backup-mock: " + e.getMessage());
            err.println("Try 'java -jar backup-mock.jar --help'.");
            return USAGE;
        } catch (ConfigException e) {
            err.println("backup-mock: invalid configuration: " + e.getMessage());
            return INVALID_CONFIG;
        } catch (StateDirException e) {
            err.println("backup-mock: cannot keep state: " + e.getMessage());
            return STATE_DIR_REFUSED;
        } catch (RuntimeException e) {
            // Undertow wraps what the socket said: a port in use, an address this machine does not have.
            if (e.getCause() instanceof BindException || e.getCause() instanceof UnknownHostException) {
                err.println("backup-mock: cannot listen: " + e.getCause().getMessage()
                        + " (see --host, --port, --http-port; port 0 picks a free one)");
                return CANNOT_LISTEN;
            }
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdownGracefully(Duration.ofSeconds(5));
            stopped.countDown();
        }, "backup-mock-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** Starts the server the options describe and prints its base URLs, one a line. */
    static BackupMockServer start(StandaloneOptions options, PrintWriter out) {
        if (options.verbose()) {
            // Read when the emulator's loggers are made, which is below: after the flag is known.
            System.setProperty("org.slf4j.simpleLogger.log.io.backupmock", "debug");
        }
        if (options.noHttps()) {
            if (options.httpPort() == null) {
                throw new UsageException("--no-https needs --http-port: serve HTTPS, HTTP, or both");
            }
            if (options.port() != null || options.certOut() != null) {
                throw new UsageException("--no-https contradicts "
                        + (options.port() != null ? "--port" : "--cert-out") + ", which are about HTTPS");
            }
        }
        EmulatorConfig file = options.config() == null ? EmulatorConfig.EMPTY : ConfigLoader.load(options.config());
        BackupMockServer.Builder builder = BackupMockServer.builder().config(file).freshCertificate()
                .host(options.host() != null ? options.host() : "127.0.0.1");
        if (options.noHttps()) {
            builder.noHttps();
        } else {
            builder.httpsPort(options.port() != null ? options.port() : 8443);
        }
        if (options.httpPort() != null) {
            builder.httpPort(options.httpPort());
        }
        builder.settings(settings(options, file.settings(Settings.DEFAULTS).toBuilder()));
        if (options.stateDir() != null) {
            builder.stateDir(options.stateDir());
        } else if (file.stateDir() != null) {
            Path dir = Path.of(file.stateDir());
            // Relative to the configuration file, as a path in a file is read.
            builder.stateDir(dir.isAbsolute() ? dir : options.config().toAbsolutePath().getParent().resolve(dir));
        }
        BackupMockServer server;
        try {
            server = builder.start();
        } catch (ControlException e) {
            // What the file declares is checked as the admin API checks it: the same message.
            throw new ConfigException(options.config() + ": " + e.getMessage());
        }
        if (options.certOut() != null) {
            try {
                server.certificate().writePem(options.certOut());
            } catch (IOException e) {
                server.close();
                throw new UsageException("--cert-out: cannot write " + options.certOut() + ": " + e);
            }
        }
        for (URI uri : server.uris()) {
            out.println(StartLines.of(uri));
        }
        out.flush();
        return server;
    }

    private static Settings settings(StandaloneOptions options, Settings.Builder settings) {
        if (options.retryAfter() != null) {
            settings.retryAfterSeconds(options.retryAfter());
        }
        if (options.pageSize() != null) {
            settings.pageSize(options.pageSize());
        }
        if (options.noAuth() != null) {
            settings.authRequired(!options.noAuth());
        }
        if (options.strict() != null) {
            settings.strict(options.strict());
        }
        if (options.validateResponses() != null) {
            settings.validateResponses(options.validateResponses());
        }
        if (options.adminToken() != null) {
            settings.adminToken(options.adminToken());
        }
        if (options.faultSeed() != null) {
            settings.faultSeed(options.faultSeed());
        }
        try {
            return settings.build();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** Routes Undertow's logging through SLF4J and keeps its start-up chatter out; before logging starts. */
    static void configureLogging() {
        System.setProperty("org.jboss.logging.provider", "slf4j");
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.log.io.undertow", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.org.xnio", "warn");
    }
}
