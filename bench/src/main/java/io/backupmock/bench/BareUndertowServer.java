package io.backupmock.bench;

import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.util.HeaderMap;
import io.undertow.util.HttpString;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.xnio.Options;

/**
 * The ceiling for {@code run-comparison.sh}: the same Undertow as backup-mock, set up the same way
 * (I/O threads, TCP_NODELAY, answering on the I/O thread, no automatic Date header), answering
 * every request with fixed bytes and nothing else. Whatever backup-mock serves slower than this is
 * the cost of its gateway and its model, not of the HTTP server beneath it.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar io.backupmock.bench.BareUndertowServer <port> <bodyFile> [headersFile]}:
 * port 0 picks a free one; the headers file, as {@code curl -D} writes it, is replayed as it is
 * (except Content-Length and Connection, which Undertow sets); without one only
 * {@code Content-Type: application/json} is sent. Prints its base URL once ready.
 */
public final class BareUndertowServer {
    private BareUndertowServer() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: BareUndertowServer <port> <bodyFile> [headersFile]");
            System.exit(2);
        }
        System.setProperty("org.jboss.logging.provider", "slf4j");
        System.setProperty("org.slf4j.simpleLogger.log.io.undertow", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.org.xnio", "warn");
        int port = Integer.parseInt(args[0]);
        byte[] body = Files.readAllBytes(Path.of(args[1]));
        HeaderMap headers = args.length == 3 ? ReplayedHeaders.read(Path.of(args[2])) : jsonOnly();
        ByteBuffer bytes = ByteBuffer.allocateDirect(body.length).put(body).flip();

        HttpHandler handler = exchange -> {
            HeaderMap out = exchange.getResponseHeaders();
            for (HttpString name : headers.getHeaderNames()) {
                out.putAll(name, headers.get(name));
            }
            exchange.getResponseSender().send(bytes.duplicate());
        };
        // As BackupMockServer.Builder.start() sets it up, minus HTTPS and the gateway.
        Undertow undertow = Undertow.builder()
                .setIoThreads(Math.max(2, Runtime.getRuntime().availableProcessors()))
                .setWorkerThreads(2)
                .setSocketOption(Options.TCP_NODELAY, true)
                .setServerOption(UndertowOptions.ALWAYS_SET_DATE, false)
                .setServerOption(UndertowOptions.DECODE_URL, false)
                .addHttpListener(port, "127.0.0.1")
                .setHandler(handler)
                .build();
        undertow.start();
        InetSocketAddress address = (InetSocketAddress) undertow.getListenerInfo().get(0).getAddress();
        System.out.println("http://127.0.0.1:" + address.getPort());
        System.out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(undertow::stop, "bare-undertow-stop"));
    }

    private static HeaderMap jsonOnly() {
        HeaderMap map = new HeaderMap();
        map.put(HttpString.tryFromString("Content-Type"), "application/json");
        return map;
    }

    /** Reads the response headers {@code curl -D} saved, to send them again as they were. */
    static final class ReplayedHeaders {
        private ReplayedHeaders() {
        }

        static HeaderMap read(Path file) throws IOException {
            HeaderMap map = new HeaderMap();
            for (String line : Files.readAllLines(file)) {
                String l = line.strip();
                int colon = l.indexOf(':');
                if (l.startsWith("HTTP/") || colon <= 0) {
                    continue;
                }
                String name = l.substring(0, colon).strip();
                if (name.equalsIgnoreCase("Content-Length") || name.equalsIgnoreCase("Connection")
                        || name.equalsIgnoreCase("Transfer-Encoding")) {
                    continue;
                }
                map.add(HttpString.tryFromString(name), l.substring(colon + 1).strip());
            }
            return map;
        }
    }
}
