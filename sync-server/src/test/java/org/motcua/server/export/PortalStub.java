package org.motcua.server.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny national endpoint on loopback (the JDK's HTTP server): answers {@code error_code "00"} and keeps each accepted
 * request while up, 503 while down. Records what it accepted, in arrival order.
 */
final class PortalStub implements AutoCloseable {

    /** One accepted POST: its Idempotency-Key and body. */
    record Received(String key, JsonNode body) {
    }

    final AtomicBoolean up = new AtomicBoolean(true);
    final AtomicInteger refused = new AtomicInteger();
    private final List<Received> accepted = new ArrayList<>();
    private final HttpServer server;

    PortalStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/lgsp/dvcqg", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            byte[] answer;
            int status;
            if (up.get()) {
                synchronized (accepted) {
                    accepted.add(new Received(exchange.getRequestHeaders().getFirst("Idempotency-Key"), new ObjectMapper().readTree(body)));
                }
                status = 200;
                answer = "{\"error_code\":\"00\",\"message\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
            } else {
                refused.incrementAndGet();
                status = 503;
                answer = "{\"error_code\":\"99\"}".getBytes(StandardCharsets.UTF_8);
            }
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/lgsp/dvcqg";
    }

    List<Received> accepted() {
        synchronized (accepted) {
            return List.copyOf(accepted);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
