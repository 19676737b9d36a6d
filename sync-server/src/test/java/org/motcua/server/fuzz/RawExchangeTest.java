package org.motcua.server.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fuzzer's own client against servers that misbehave on purpose: a cut-off status line is a finding, not a crash
 * of the fuzzer (a full test run once died on one); an answer lost to the reset that follows an early refusal of a big
 * body is told apart from a server that never answers.
 */
class RawExchangeTest {

    @Test
    void aStatusLineCutShortIsAFindingNotACrash() throws Exception {
        try (ServerSocket server = new ServerSocket(0)) {
            Thread t = Thread.ofVirtual().start(() -> answer(server, "HTTP/1.1", false));
            RawExchange.Outcome o = RawExchange.send(server.getLocalPort(), request(10));
            t.join();
            assertEquals(-1, o.status());
            assertTrue(o.failure().startsWith("malformed status line"), o.failure());
            assertFalse(o.lostToReset(), "the whole request was sent: a missing answer is the server's");
            assertTrue(FuzzOracle.violation(request(10), o).isPresent());
        }
    }

    @Test
    void anAnswerLostToTheResetOfARefusedBodyIsNoFinding() throws Exception {
        try (ServerSocket server = new ServerSocket(0)) {
            // reads a little of a 8 MB body, then resets the connection (SO_LINGER 0), as a server closing with unread input
            Thread t = Thread.ofVirtual().start(() -> answer(server, "HTTP/1.1 413 Payload Too Large", true));
            RawExchange.Outcome o = RawExchange.send(server.getLocalPort(), request(8 * 1024 * 1024));
            t.join();
            if (o.status() == 413) {
                return;  // the answer won the race with the reset: nothing to tell apart
            }
            assertEquals(-1, o.status());
            assertTrue(o.lostToReset(), o.failure());
            assertTrue(FuzzOracle.violation(request(8 * 1024 * 1024), o).isEmpty());
        }
    }

    private static RawRequest request(int bodyBytes) {
        return new RawRequest("POST", "/admin/devices/x/revoke", List.of(), new byte[bodyBytes], RawRequest.Framing.LENGTH,
                "test");
    }

    private static void answer(ServerSocket server, String statusLine, boolean reset) {
        try (Socket s = server.accept()) {
            InputStream in = s.getInputStream();
            in.readNBytes(reset ? 4096 : 200);
            OutputStream out = s.getOutputStream();
            out.write((statusLine + (reset ? "\r\nContent-Length: 0\r\n\r\n" : "")).getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            if (reset) {
                s.setSoLinger(true, 0);
            } else {
                s.shutdownOutput();
                in.readAllBytes();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
