package io.backupmock.server.dashboard;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backupmock.server.wire.Json;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.Map;

/**
 * The dashboard's files at {@code /backupmock/}: static HTML, CSS and JS from the jar, in front of
 * {@code next} (everything else, including {@code /backupmock/admin}, passes through untouched).
 * The page itself needs no token; it is a client of the admin API, which keeps its own. Every
 * answer forbids inline script and any origin but this one, so nothing the page shows can run.
 */
public final class Dashboard implements HttpHandler {
    /** Where the page is served. */
    public static final String PATH = "/backupmock/";
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    private static final String PREFIX = "/backupmock";
    private static final HttpString CSP = new HttpString("Content-Security-Policy");
    private static final HttpString CONTENT_TYPE_OPTIONS = new HttpString("X-Content-Type-Options");
    private static final HttpString REFERRER_POLICY = new HttpString("Referrer-Policy");
    private static final HttpString FRAME_OPTIONS = new HttpString("X-Frame-Options");

    private final HttpHandler next;

    public Dashboard(HttpHandler next) {
        this.next = next;
    }

    /** A file of the page: its bytes, read from the jar once, and its media type. */
    private record Asset(byte[] bytes, String contentType) {
    }

    /** Holder: the files are read on the first visit, not at every start. */
    private static final class Assets {
        static final Map<String, Asset> BY_NAME = Map.of(
                "", read("index.html", "text/html; charset=utf-8"),
                "index.html", read("index.html", "text/html; charset=utf-8"),
                "dashboard.js", read("dashboard.js", "text/javascript; charset=utf-8"),
                "dashboard.css", read("dashboard.css", "text/css; charset=utf-8"),
                "favicon.svg", read("favicon.svg", "image/svg+xml"));

        private static Asset read(String name, String contentType) {
            try (InputStream in = Dashboard.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("the dashboard's " + name + " is missing from the jar");
                }
                return new Asset(in.readAllBytes(), contentType);
            } catch (IOException e) {
                throw new UncheckedIOException("the dashboard's " + name + " cannot be read", e);
            }
        }
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        String path = exchange.getRequestURI();
        String name = nameOf(path);
        if (name == null) {
            next.handleRequest(exchange);
            return;
        }
        HeaderMap out = exchange.getResponseHeaders();
        out.put(CSP, CONTENT_SECURITY_POLICY);
        out.put(CONTENT_TYPE_OPTIONS, "nosniff");
        out.put(REFERRER_POLICY, "no-referrer");
        out.put(FRAME_OPTIONS, "DENY");
        out.put(Headers.CACHE_CONTROL, "no-cache");
        HttpString method = exchange.getRequestMethod();
        if (path.equals(PREFIX)) {
            // Relative links in the page resolve against /backupmock/, not /.
            exchange.setStatusCode(308);
            out.put(Headers.LOCATION, PATH);
            out.put(Headers.CONTENT_LENGTH, 0);
            exchange.endExchange();
            return;
        }
        if (!method.equals(Methods.GET) && !method.equals(Methods.HEAD)) {
            out.put(Headers.ALLOW, "GET, HEAD");
            error(exchange, 405, "MethodNotAllowed", "The dashboard's files are read with GET, not "
                    + method + ".");
            return;
        }
        Asset asset = Assets.BY_NAME.get(name);
        if (asset == null) {
            error(exchange, 404, "NotFound", "The dashboard has no file at '" + path + "'; it is at " + PATH
                    + " and the admin API under /backupmock/admin.");
            return;
        }
        out.put(Headers.CONTENT_TYPE, asset.contentType());
        out.put(Headers.CONTENT_LENGTH, asset.bytes().length);
        if (method.equals(Methods.HEAD)) {
            exchange.endExchange();
        } else {
            exchange.getResponseSender().send(ByteBuffer.wrap(asset.bytes()));
        }
    }

    /**
     * The file a path asks for ("" for the page itself), or null when the path is not the
     * dashboard's: outside {@code /backupmock}, or the admin API.
     */
    static String nameOf(String rawPath) {
        if (rawPath.equals(PREFIX)) {
            return "";
        }
        if (!rawPath.startsWith(PATH)) {
            return null;
        }
        String rest = rawPath.substring(PATH.length());
        String first = rest.indexOf('/') < 0 ? rest : rest.substring(0, rest.indexOf('/'));
        if (first.toLowerCase(Locale.ROOT).equals("admin")) {
            return null;
        }
        return rest;
    }

    private static void error(HttpServerExchange exchange, int status, String code, String message) {
        ObjectNode body = Json.object();
        ObjectNode error = body.putObject("error");
        error.put("code", code);
        error.put("message", message);
        byte[] bytes;
        try {
            bytes = Json.mapper().writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json; charset=utf-8");
        exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, bytes.length);
        exchange.getResponseSender().send(ByteBuffer.wrap(bytes));
    }
}
