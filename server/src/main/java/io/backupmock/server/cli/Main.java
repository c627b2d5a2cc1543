package io.backupmock.server.cli;

import io.backupmock.server.BackupMockServer;
import io.backupmock.server.Settings;
import io.backupmock.server.config.ConfigException;
import io.backupmock.server.config.ConfigLoader;
import io.backupmock.server.config.EmulatorConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code java -jar backup-mock.jar}: the standalone emulator. Each flag has an environment variable
 * ({@code BACKUP_MOCK_…}); a flag beats its variable, which beats the configuration file, which
 * beats the default.
 */
@Command(name = "backup-mock", mixinStandardHelpOptions = true, version = "backup-mock 0.1.0",
        description = {"Serves an offline emulator of the Azure Backup job-tracking REST API.",
            "Prints each base URL it serves on its own line once ready; stops gracefully on Ctrl-C or SIGTERM.",
            "Every flag can also be set by the environment variable shown in brackets."},
        sortOptions = false, showDefaultValues = false, exitCodeOnInvalidInput = 2,
        subcommands = VerifyCommand.class)
public final class Main implements Callable<Integer> {
    static final int INVALID_CONFIG = 2;

    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", defaultValue = "${env:BACKUP_MOCK_CONFIG}",
            description = "JSON or YAML configuration: settings, clock, scenario, vaults, rules, faults [BACKUP_MOCK_CONFIG].")
    Path config;

    @Option(names = "--host", defaultValue = "${env:BACKUP_MOCK_HOST}",
            description = "Address to listen on (default 127.0.0.1) [BACKUP_MOCK_HOST].")
    String host;

    @Option(names = "--port", defaultValue = "${env:BACKUP_MOCK_PORT}",
            description = "HTTPS port; 0 picks a free one (default 8443) [BACKUP_MOCK_PORT].")
    Integer port;

    @Option(names = "--http-port", defaultValue = "${env:BACKUP_MOCK_HTTP_PORT}",
            description = "Also serve plain HTTP on this port; 0 picks a free one (default off) [BACKUP_MOCK_HTTP_PORT].")
    Integer httpPort;

    @Option(names = "--cert-out", paramLabel = "FILE", defaultValue = "${env:BACKUP_MOCK_CERT_OUT}",
            description = "Write the self-signed certificate as PEM to FILE, for clients to trust [BACKUP_MOCK_CERT_OUT].")
    Path certOut;

    @Option(names = "--retry-after", paramLabel = "SECONDS", defaultValue = "${env:BACKUP_MOCK_RETRY_AFTER}",
            description = "Retry-After of every 202 (default 1) [BACKUP_MOCK_RETRY_AFTER].")
    Integer retryAfter;

    @Option(names = "--page-size", paramLabel = "N", defaultValue = "${env:BACKUP_MOCK_PAGE_SIZE}",
            description = "Most jobs or items in one list page (default 200) [BACKUP_MOCK_PAGE_SIZE].")
    Integer pageSize;

    @Option(names = "--no-auth", arity = "0..1", fallbackValue = "true", defaultValue = "${env:BACKUP_MOCK_NO_AUTH}",
            description = "Accept requests without an Authorization header [BACKUP_MOCK_NO_AUTH].")
    Boolean noAuth;

    @Option(names = "--strict", arity = "0..1", fallbackValue = "true", defaultValue = "${env:BACKUP_MOCK_STRICT}",
            description = "Only vaults and items declared in the configuration or admin API exist [BACKUP_MOCK_STRICT].")
    Boolean strict;

    @Option(names = "--validate-responses", arity = "0..1", fallbackValue = "true",
            defaultValue = "${env:BACKUP_MOCK_VALIDATE_RESPONSES}",
            description = "Check every response body against its JSON Schema before it leaves; a violation answers "
                    + "500 and is logged [BACKUP_MOCK_VALIDATE_RESPONSES].")
    Boolean validateResponses;

    @Option(names = "--admin-token", defaultValue = "${env:BACKUP_MOCK_ADMIN_TOKEN}",
            description = "Bearer token the admin API (/backupmock/admin) requires (default none) [BACKUP_MOCK_ADMIN_TOKEN].")
    String adminToken;

    @Option(names = "--fault-seed", defaultValue = "${env:BACKUP_MOCK_FAULT_SEED}",
            description = "Seed of the random choices of faults, to replay a run (default random) [BACKUP_MOCK_FAULT_SEED].")
    Long faultSeed;

    @Option(names = "--verbose", arity = "0..1", fallbackValue = "true", defaultValue = "${env:BACKUP_MOCK_VERBOSE}",
            description = "Log one line per request [BACKUP_MOCK_VERBOSE].")
    Boolean verbose;

    public static void main(String[] args) {
        boolean verbose = java.util.Arrays.asList(args).contains("--verbose")
                || "true".equalsIgnoreCase(System.getenv("BACKUP_MOCK_VERBOSE"));
        configureLogging(verbose);
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        BackupMockServer server;
        try {
            server = start(spec.commandLine().getOut());
        } catch (ConfigException e) {
            spec.commandLine().getErr().println("backup-mock: invalid configuration: " + e.getMessage());
            return INVALID_CONFIG;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdownGracefully(Duration.ofSeconds(5));
            stopped.countDown();
        }, "backup-mock-shutdown"));
        stopped.await();
        return 0;
    }

    /** Starts the server the options describe and prints its base URLs, one a line. */
    BackupMockServer start(PrintWriter out) {
        EmulatorConfig file = config == null ? EmulatorConfig.EMPTY : ConfigLoader.load(config);
        BackupMockServer.Builder builder = BackupMockServer.builder().config(file)
                .host(host != null ? host : "127.0.0.1")
                .httpsPort(port != null ? port : 8443);
        Settings.Builder settings = file.settings(Settings.DEFAULTS).toBuilder();
        if (retryAfter != null) {
            settings.retryAfterSeconds(retryAfter);
        }
        if (pageSize != null) {
            settings.pageSize(pageSize);
        }
        if (noAuth != null) {
            settings.authRequired(!noAuth);
        }
        if (strict != null) {
            settings.strict(strict);
        }
        if (validateResponses != null) {
            settings.validateResponses(validateResponses);
        }
        if (adminToken != null) {
            settings.adminToken(adminToken);
        }
        if (faultSeed != null) {
            settings.faultSeed(faultSeed);
        }
        try {
            builder.settings(settings.build());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (httpPort != null) {
            builder.httpPort(httpPort);
        }
        BackupMockServer server = builder.start();
        if (certOut != null) {
            try {
                server.certificate().writePem(certOut);
            } catch (IOException e) {
                server.close();
                throw new ParameterException(spec.commandLine(), "--cert-out: cannot write " + certOut + ": " + e);
            }
        }
        for (URI uri : server.uris()) {
            out.println(uri);
        }
        out.flush();
        return server;
    }

    /** Routes Undertow's logging through SLF4J, keeps its start-up chatter out, and logs requests if asked. */
    private static void configureLogging(boolean verbose) {
        System.setProperty("org.jboss.logging.provider", "slf4j");
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.log.io.undertow", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.org.xnio", "warn");
        if (verbose) {
            System.setProperty("org.slf4j.simpleLogger.log.io.backupmock", "debug");
        }
    }
}
