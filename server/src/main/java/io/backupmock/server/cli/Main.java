package io.backupmock.server.cli;

import io.backupmock.server.BackupMockServer;
import io.backupmock.server.Emulator;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code java -jar backup-mock.jar}: the standalone emulator. */
@Command(name = "backup-mock", mixinStandardHelpOptions = true, version = "backup-mock 0.1.0",
        description = {"Serves an offline emulator of the Azure Backup job-tracking REST API.",
            "Prints each base URL it serves on its own line once ready; stops on Ctrl-C or SIGTERM."},
        sortOptions = false)
public final class Main implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "8443", description = "HTTPS port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--http-port", description = "Also serve plain HTTP on this port; 0 picks a free one (default: off).")
    Integer httpPort;

    @Option(names = "--cert-out", paramLabel = "FILE", description = "Write the self-signed certificate as PEM to FILE, for clients to trust.")
    Path certOut;

    @Option(names = "--retry-after", paramLabel = "SECONDS", defaultValue = "1", description = "Retry-After of every 202 (default: ${DEFAULT-VALUE}).")
    int retryAfter;

    @Option(names = "--page-size", paramLabel = "N", defaultValue = "200", description = "Most jobs or items in one list page (default: ${DEFAULT-VALUE}).")
    int pageSize;

    @Option(names = "--no-auth", description = "Accept requests without an Authorization header.")
    boolean noAuth;

    @Option(names = "--validate-responses", description = "Check every response body against its JSON Schema before it leaves; a violation answers 500 and is logged.")
    boolean validateResponses;

    public static void main(String[] args) {
        quietLibraryLogging();
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        BackupMockServer server = start(spec.commandLine().getOut());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "backup-mock-shutdown"));
        stopped.await();
        return 0;
    }

    /** Starts the server the options describe and prints its base URLs, one a line. */
    BackupMockServer start(PrintWriter out) {
        if (retryAfter < 0) {
            throw new ParameterException(spec.commandLine(), "--retry-after must not be negative: " + retryAfter);
        }
        if (pageSize < 1) {
            throw new ParameterException(spec.commandLine(), "--page-size must be at least 1: " + pageSize);
        }
        BackupMockServer.Builder builder = BackupMockServer.builder()
                .host(host)
                .httpsPort(port)
                .settings(Emulator.Settings.DEFAULTS.withRetryAfterSeconds(retryAfter).withPageSize(pageSize)
                        .withAuthRequired(!noAuth).withValidateResponses(validateResponses));
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

    /** Routes Undertow's logging through SLF4J and keeps its start-up chatter out of the console. */
    private static void quietLibraryLogging() {
        System.setProperty("org.jboss.logging.provider", "slf4j");
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.log.io.undertow", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.org.xnio", "warn");
    }
}
