package org.motcua.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.motcua.protocol.doc.Health;

/** Real HTTP over loopback against a one-shot server that answers exactly what each test scripts. */
class HealthClientTest {

    private ServerSocket server;
    private Thread serverThread;

    private URI serve(int status, String body) throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        serverThread = new Thread(() -> {
            try (Socket s = server.accept()) {
                InputStream in = s.getInputStream();
                // read the request head up to the blank line
                int matched = 0;
                while (matched < 4) {
                    int b = in.read();
                    if (b < 0) {
                        return;
                    }
                    matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
                }
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                OutputStream out = s.getOutputStream();
                out.write(("HTTP/1.1 " + status + " X\r\nContent-Type: application/json\r\nContent-Length: "
                        + bytes.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(bytes);
                out.flush();
            } catch (IOException e) {
                // the test that started this server reports the failure
            }
        });
        serverThread.start();
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
            serverThread.join(5000);
        }
    }

    @Test
    void upAndCompatibleServerIsAccepted() throws Exception {
        URI base = serve(200, "{\"kind\":\"health\",\"limitsPath\":\"/api/v1/limits\",\"protocol\":1,"
                + "\"serverTime\":\"2026-11-30T01:02:03.004Z\",\"serverVersion\":\"0.1.0\",\"someFutureField\":true,"
                + "\"status\":\"ok\",\"supportedProtocols\":[1,2]}");
        try (HealthClient client = new HealthClient(base, Duration.ofSeconds(5))) {
            Health status = client.check();
            assertEquals("0.1.0", status.serverVersion());
            assertEquals("ok", status.status());
        }
    }

    @Test
    void otherMajorVersionIsIncompatible() throws Exception {
        URI base = serve(200, "{\"kind\":\"health\",\"limitsPath\":\"/api/v2/limits\",\"protocol\":2,"
                + "\"serverTime\":\"2026-11-30T01:02:03.004Z\",\"serverVersion\":\"9\",\"status\":\"ok\",\"supportedProtocols\":[2]}");
        try (HealthClient client = new HealthClient(base, Duration.ofSeconds(5))) {
            SyncException e = assertThrows(SyncException.class, client::check);
            assertEquals(SyncException.Reason.INCOMPATIBLE, e.reason());
        }
    }

    @Test
    void errorStatusAndGarbageAreBadResponses() throws Exception {
        URI base = serve(503, "{}");
        try (HealthClient client = new HealthClient(base, Duration.ofSeconds(5))) {
            SyncException e = assertThrows(SyncException.class, client::check);
            assertEquals(SyncException.Reason.BAD_RESPONSE, e.reason());
            assertTrue(e.getMessage().contains("503"), e.getMessage());
        }
        stop();
        base = serve(200, "<html>captive portal login</html>");
        try (HealthClient client = new HealthClient(base, Duration.ofSeconds(5))) {
            assertEquals(SyncException.Reason.BAD_RESPONSE, assertThrows(SyncException.class, client::check).reason());
        }
    }

    @Test
    void nobodyListeningIsUnreachable() throws Exception {
        int freePort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            freePort = probe.getLocalPort();
        }
        try (HealthClient client = new HealthClient(URI.create("http://127.0.0.1:" + freePort), Duration.ofSeconds(2))) {
            assertEquals(SyncException.Reason.UNREACHABLE, assertThrows(SyncException.class, client::check).reason());
        }
    }
}
