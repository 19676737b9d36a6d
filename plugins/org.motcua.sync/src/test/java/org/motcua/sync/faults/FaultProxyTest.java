package org.motcua.sync.faults;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The proxy does what the fault schedules rely on, checked against a tiny HTTP server over real sockets. */
class FaultProxyTest {

    private ServerSocket server;
    private final List<byte[]> received = new CopyOnWriteArrayList<>();
    private final List<String> answered = new CopyOnWriteArrayList<>();

    /** Reads whole requests (head + Content-Length body) on each connection and answers each with "ok". */
    @BeforeEach
    void startServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    new Thread(() -> serve(s)).start();
                } catch (IOException e) {
                    return;
                }
            }
        });
        t.setDaemon(true);
        t.start();
    }

    private void serve(Socket s) {
        try (s) {
            RequestFramer framer = new RequestFramer(request -> {
                received.add(request);
                try {
                    OutputStream out = s.getOutputStream();
                    out.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    answered.add("ok");
                } catch (IOException e) {
                    // the client went away
                }
            });
            InputStream in = s.getInputStream();
            byte[] buffer = new byte[4096];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                framer.accept(java.util.Arrays.copyOf(buffer, n));
            }
        } catch (IOException e) {
            // reset by the proxy: that is the point
        }
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    private InetSocketAddress target() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
    }

    private static byte[] request(int bodyBytes) {
        byte[] body = new byte[bodyBytes];
        java.util.Arrays.fill(body, (byte) 'x');
        byte[] head = ("POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: " + bodyBytes + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] all = java.util.Arrays.copyOf(head, head.length + bodyBytes);
        System.arraycopy(body, 0, all, head.length, bodyBytes);
        return all;
    }

    /** Sends one request through the proxy; returns what came back before the server or the proxy closed. */
    private static byte[] exchange(FaultProxy proxy, byte[] request) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(request);
            s.getOutputStream().flush();
            s.shutdownOutput();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            s.getInputStream().transferTo(out);
            return out.toByteArray();
        }
    }

    private void awaitReceived(int n) throws InterruptedException {
        awaitSize(received, n);
    }

    /** The server thread notes a request, then writes its answer, then notes that: each lags the client a little. */
    private static void awaitSize(List<?> list, int n) throws InterruptedException {
        for (int i = 0; i < 500 && list.size() < n; i++) {
            TimeUnit.MILLISECONDS.sleep(10);
        }
    }

    @Test
    void aCleanLinkForwardsBothWaysAndCountsTheBytes() throws Exception {
        try (FaultProxy proxy = FaultProxy.clean(target())) {
            byte[] request = request(1000);
            byte[] answer = exchange(proxy, request);
            assertTrue(new String(answer, StandardCharsets.US_ASCII).endsWith("ok"));
            assertArrayEquals(request, received.get(0));
            assertEquals(request.length, proxy.bytesUp());
            assertEquals(answer.length, proxy.bytesDown());
        }
    }

    @Test
    void aRequestCutAfterNBytesReachesTheServerTruncatedAndIsNeverAnswered() throws Exception {
        try (FaultProxy proxy = new FaultProxy(target(), LinkShape.LOOPBACK, n -> ConnectionFaults.cutRequestAfter(100))) {
            assertThrows(IOException.class, () -> {
                byte[] answer = exchange(proxy, request(1000));
                if (answer.length == 0) {
                    throw new IOException("closed without an answer");
                }
            });
            TimeUnit.MILLISECONDS.sleep(200);
            assertTrue(received.isEmpty(), "the server never saw a whole request");
            assertEquals(100, proxy.bytesUp());
            assertEquals(1, proxy.resets());
        }
    }

    @Test
    void aLostResponseMeansTheServerAnsweredButTheClientSawNothing() throws Exception {
        try (FaultProxy proxy = new FaultProxy(target(), LinkShape.LOOPBACK, n -> ConnectionFaults.loseResponse())) {
            byte[] answer;
            try {
                answer = exchange(proxy, request(50));
            } catch (IOException reset) {
                answer = new byte[0];
            }
            assertEquals(0, answer.length);
            awaitReceived(1);
            assertEquals(1, received.size(), "the server got the whole request");
            awaitSize(answered, 1);
            assertEquals(List.of("ok"), answered, "and answered it");
            assertEquals(0, proxy.bytesDown());
        }
    }

    @Test
    void aDuplicatedRequestReachesTheServerTwice() throws Exception {
        try (FaultProxy proxy = new FaultProxy(target(), LinkShape.LOOPBACK, n -> ConnectionFaults.duplicate(Duration.ZERO))) {
            byte[] request = request(300);
            exchange(proxy, request);
            awaitReceived(2);
            assertEquals(2, received.size());
            assertArrayEquals(request, received.get(0));
            assertArrayEquals(request, received.get(1));
        }
    }

    @Test
    void theLinkCannotGoFasterThanItsBandwidthAndLatency() throws Exception {
        // a lower bound only: the proxy must hold bytes back; how much slower the machine is does not matter
        try (FaultProxy proxy = new FaultProxy(target(), LinkShape.LOOPBACK.withBandwidth(8_000).withLatency(Duration.ofMillis(200)),
                n -> ConnectionFaults.NONE)) {
            long start = System.nanoTime();
            exchange(proxy, request(4_000));
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertTrue(ms >= 400 + 400, "4 KB at 8 KB/s plus 2 x 200 ms latency took only " + ms + " ms");
        }
    }

    @Test
    void droppingTheLinkResetsOpenConnections() throws Exception {
        try (FaultProxy proxy = new FaultProxy(target(), LinkShape.LOOPBACK.withBandwidth(2_000), n -> ConnectionFaults.NONE)) {
            Thread cutter = new Thread(() -> {
                try {
                    TimeUnit.MILLISECONDS.sleep(300);
                } catch (InterruptedException e) {
                    return;
                }
                proxy.cutAll();
            });
            cutter.start();
            try {
                exchange(proxy, request(10_000));
            } catch (IOException expected) {
                // reset
            }
            cutter.join();
            TimeUnit.MILLISECONDS.sleep(100);
            assertTrue(received.isEmpty());
            assertTrue(proxy.resets() >= 1);
            assertTrue(proxy.bytesUp() < 10_000);
        }
    }
}
