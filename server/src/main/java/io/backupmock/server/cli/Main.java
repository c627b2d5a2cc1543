package io.backupmock.server.cli;

import io.backupmock.server.BackupMockServer;
import io.backupmock.server.Emulator;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code java -jar backup-mock.jar}: the standalone emulator. */
@Command(name = "backup-mock", mixinStandardHelpOptions = true, version = "backup-mock 0.1.0",
        description = {"Serves an offline emulator of the Azure Backup job-tracking REST API.",
            "Prints each base URL it serves on its own line once ready; stops on Ctrl-C or SIGTERM."},
        sortOptions = false)
public final class Main implements Callable<Integer> {
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

    @Option(names = "--page-size", defaultValue = "200", description = "Most jobs or items in one list page (default: ${DEFAULT-VALUE}).")
    int pageSize;

    @Option(names = "--no-auth", description = "Accept requests without an Authorization header.")
    boolean noAuth;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("backup-mock: " + e.getMessage());
            return 1;
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() throws Exception {
        if (retryAfter < 0 || pageSize < 1) {
            throw new CommandLine.ParameterException(new CommandLine(this),
                    "--retry-after must be >= 0 and --page-size >= 1");
        }
        BackupMockServer.Builder builder = BackupMockServer.builder()
                .host(host)
                .httpsPort(port)
                .settings(new Emulator.Settings(retryAfter, pageSize, !noAuth));
        if (httpPort != null) {
            builder.httpPort(httpPort);
        }
        BackupMockServer server = builder.start();
        if (certOut != null) {
            server.certificate().writePem(certOut);
        }
        PrintWriter out = new PrintWriter(System.out, true);
        for (URI uri : server.uris()) {
            out.println(uri);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "backup-mock-shutdown"));
        stopped.await();
        return 0;
    }
}
