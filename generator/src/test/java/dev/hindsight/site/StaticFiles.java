package dev.hindsight.site;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What the browser tests serve a built site with: a plain static host on the JDK's HTTP server. GET
 * only, files only (a directory answers with its index.html), nothing outside the mounted directory,
 * content types a real host would send.
 */
final class StaticFiles implements HttpHandler {
    private final Path root;

    private StaticFiles(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** Serves {@code root} at the context the handler is mounted on. */
    static HttpHandler of(Path root) {
        return new StaticFiles(root);
    }

    /** A server on 127.0.0.1, at a free port, serving {@code root} at {@code /}; started. */
    static HttpServer serve(Path root) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", of(root));
        server.start();
        return server;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String context = exchange.getHttpContext().getPath();
            String path = exchange.getRequestURI().getPath();
            String relative = path.length() > context.length() ? path.substring(context.length()) : "";
            Path file = root.resolve(relative.startsWith("/") ? relative.substring(1) : relative).normalize();
            if (Files.isDirectory(file)) {
                file = file.resolve("index.html");
            }
            if (!"GET".equals(exchange.getRequestMethod()) || !file.startsWith(root) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = Files.readAllBytes(file);
            exchange.getResponseHeaders().set("Content-Type", contentType(file));
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static String contentType(Path file) {
        String name = file.getFileName().toString();
        return switch (name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT)) {
            case "html" -> "text/html; charset=utf-8";
            case "css" -> "text/css; charset=utf-8";
            case "js" -> "text/javascript; charset=utf-8";
            case "json" -> "application/json";
            case "svg" -> "image/svg+xml";
            case "xml" -> "application/xml";
            default -> "application/octet-stream";
        };
    }
}
