package io.backupmock.server.edge;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Raw HTTP/1.1 over a socket: bytes no well-behaved client would send, and what comes back. */
final class RawHttp {
    private RawHttp() {
    }

    /** What the server sent, and whether it closed the connection before the read timeout. */
    record Exchange(String text, boolean closed) {
        /** The responses in order: each its status line, headers and body (by Content-Length). */
        List<Response> responses() {
            List<Response> out = new ArrayList<>();
            int at = 0;
            while (at < text.length()) {
                int headEnd = text.indexOf("\r\n\r\n", at);
                if (headEnd < 0) {
                    break;
                }
                String head = text.substring(at, headEnd);
                int length = 0;
                for (String line : head.split("\r\n")) {
                    if (line.regionMatches(true, 0, "content-length:", 0, 15)) {
                        length = Integer.parseInt(line.substring(15).trim());
                    }
                }
                int bodyEnd = Math.min(text.length(), headEnd + 4 + length);
                out.add(new Response(head, text.substring(headEnd + 4, bodyEnd)));
                at = bodyEnd;
            }
            return out;
        }
    }

    record Response(String head, String body) {
        int status() {
            return Integer.parseInt(head.substring(9, 12));
        }

        String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }
    }

    /** Sends {@code request} (ISO-8859-1 bytes) and reads until the server closes or {@code waitMillis} pass. */
    static Exchange send(int port, String request, int waitMillis) {
        return send(port, request.getBytes(StandardCharsets.ISO_8859_1), waitMillis);
    }

    static Exchange send(int port, byte[] request, int waitMillis) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(waitMillis);
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            return readAll(socket);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Exchange readAll(Socket socket) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean closed = false;
        try {
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
            }
            closed = true;
        } catch (SocketTimeoutException e) {
            closed = false;
        } catch (IOException e) {
            closed = true; // reset by the server
        }
        return new Exchange(out.toString(StandardCharsets.ISO_8859_1), closed);
    }
}
