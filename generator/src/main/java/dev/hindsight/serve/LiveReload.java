package dev.hindsight.serve;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Server-sent events to open pages: {@code reload} after every build. Each page holds one long response
 * open; the number of listeners is capped so that forgotten tabs cannot use up the server's threads.
 */
final class LiveReload {
    static final int MAX_LISTENERS = 32;
    private static final long HEARTBEAT_MILLIS = 15_000;

    private final List<OutputStream> listeners = new ArrayList<>();
    private boolean closed;

    /** Keeps {@code exchange} open and sends it events until the page goes away or the server stops. */
    void listen(HttpExchange exchange) throws IOException {
        OutputStream body;
        synchronized (this) {
            if (closed || listeners.size() >= MAX_LISTENERS) {
                exchange.sendResponseHeaders(503, -1);
                exchange.close();
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(200, 0);
            body = exchange.getResponseBody();
            body.write(": connected\n\n".getBytes(StandardCharsets.UTF_8));
            body.flush();
            listeners.add(body);
        }
        // The handler's thread waits here; heartbeats find pages that went away (the write fails).
        try {
            while (true) {
                synchronized (this) {
                    if (closed || !listeners.contains(body)) {
                        break;
                    }
                    wait(HEARTBEAT_MILLIS);
                    if (closed || !listeners.contains(body)) {
                        break;
                    }
                    if (!send(body, ": heartbeat\n\n")) {
                        break;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            synchronized (this) {
                listeners.remove(body);
            }
            exchange.close();
        }
    }

    /** Tells every open page that build {@code number} is ready. */
    synchronized void reload(int number) {
        listeners.removeIf(body -> !send(body, "event: reload\ndata: " + number + "\n\n"));
        notifyAll();
    }

    synchronized int listeners() {
        return listeners.size();
    }

    /** Ends every open stream, so that the server can stop without waiting for pages. */
    synchronized void close() {
        closed = true;
        listeners.clear();
        notifyAll();
    }

    private static boolean send(OutputStream body, String event) {
        try {
            body.write(event.getBytes(StandardCharsets.UTF_8));
            body.flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
