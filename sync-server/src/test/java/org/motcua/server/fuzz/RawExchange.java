package org.motcua.server.fuzz;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Sends a {@link RawRequest} over a fresh loopback socket and reads the answer: status, headers and the body (chunked
 * bodies decoded). The server may stop reading early (an announced body above a limit is refused unread), so a failed
 * write still reads the answer the server sent before closing.
 */
final class RawExchange {

    /**
     * What came back: an answer, or {@code status} -1 with why there was none. {@code lostToReset}: there was none
     * after the server stopped reading a body it refused (too large) while it was still being sent. The server then
     * closes with unread input, TCP answers with a reset, and a reset may discard the answer before the client reads
     * it (RFC 9112 §9.6 "tear-down"); the server did answer.
     */
    record Outcome(int status, Map<String, String> headers, byte[] body, String failure, boolean lostToReset) {

        Outcome(int status, Map<String, String> headers, byte[] body, String failure) {
            this(status, headers, body, failure, false);
        }

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private static final int TIMEOUT_MS = 60_000;

    private RawExchange() {
    }

    static Outcome send(int port, RawRequest request) {
        byte[] wire = request.toBytes("127.0.0.1:" + port);
        boolean bodyCut = false;
        Outcome answer;
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(TIMEOUT_MS);
            OutputStream out = s.getOutputStream();
            try {
                out.write(wire);
                out.flush();
                s.shutdownOutput();
            } catch (IOException e) {
                bodyCut = true;  // the server refused before reading everything; its answer may still be there
            }
            answer = read(new BufferedInputStream(s.getInputStream()), "HEAD".equals(request.method()));
        } catch (SocketTimeoutException e) {
            answer = new Outcome(-1, Map.of(), new byte[0], "no answer within " + TIMEOUT_MS / 1000 + " s");
        } catch (IOException e) {
            answer = new Outcome(-1, Map.of(), new byte[0], "connection failed: " + e);
        }
        if (bodyCut && answer.status() < 0 && !answer.failure().startsWith("no answer within")) {
            return new Outcome(-1, Map.of(), new byte[0], answer.failure() + " (the body was refused while being sent)", true);
        }
        return answer;
    }

    private static Outcome read(InputStream in, boolean head) throws IOException {
        int status;
        Map<String, String> headers;
        do { // an interim 1xx (100 Continue) is followed by the real answer
            String statusLine = line(in);
            if (statusLine == null) {
                return new Outcome(-1, Map.of(), new byte[0], "connection closed without an answer");
            }
            String[] parts = statusLine.split(" ");
            if (parts.length < 2 || !parts[0].startsWith("HTTP/1.") || !parts[1].matches("\\d{3}")) {
                // not an HTTP answer: a finding of its own, never a crash of the fuzzer
                String shown = statusLine.length() > 80 ? statusLine.substring(0, 80) + "…" : statusLine;
                return new Outcome(-1, Map.of(), new byte[0], "malformed status line \"" + shown.replaceAll("\\p{Cntrl}", "?") + "\"");
            }
            status = Integer.parseInt(parts[1]);
            headers = new LinkedHashMap<>();
            for (String l = line(in); l != null && !l.isEmpty(); l = line(in)) {
                int colon = l.indexOf(':');
                if (colon > 0) {
                    headers.merge(l.substring(0, colon).strip().toLowerCase(Locale.ROOT), l.substring(colon + 1).strip(),
                            (a, b) -> a + "," + b);
                }
            }
        } while (status >= 100 && status < 200);
        byte[] body;
        if (head || status == 204 || status == 304) {
            body = new byte[0];
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = chunked(in);
        } else if (headers.containsKey("content-length")) {
            body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
        } else {
            body = in.readAllBytes();
        }
        return new Outcome(status, headers, body, null);
    }

    private static byte[] chunked(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String size = line(in); size != null; size = line(in)) {
            int n = Integer.parseInt(size.split(";")[0].strip(), 16);
            if (n == 0) {
                break;
            }
            out.write(in.readNBytes(n));
            line(in);
        }
        return out.toByteArray();
    }

    /** One CRLF-terminated line in ISO-8859-1, or null at the end of the stream. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                byte[] bytes = b.toByteArray();
                int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
            }
            b.write(c);
        }
        return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
    }
}
