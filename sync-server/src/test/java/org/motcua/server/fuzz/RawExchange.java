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

    /** What came back: an answer, or {@code status} -1 with why there was none. */
    record Outcome(int status, Map<String, String> headers, byte[] body, String failure) {

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
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(TIMEOUT_MS);
            OutputStream out = s.getOutputStream();
            try {
                out.write(wire);
                out.flush();
                s.shutdownOutput();
            } catch (IOException e) {
                // the server refused before reading everything; its answer may still be there
            }
            return read(new BufferedInputStream(s.getInputStream()), "HEAD".equals(request.method()));
        } catch (SocketTimeoutException e) {
            return new Outcome(-1, Map.of(), new byte[0], "no answer within " + TIMEOUT_MS / 1000 + " s");
        } catch (IOException e) {
            return new Outcome(-1, Map.of(), new byte[0], "connection failed: " + e);
        }
    }

    private static Outcome read(InputStream in, boolean head) throws IOException {
        int status;
        Map<String, String> headers;
        do { // an interim 1xx (100 Continue) is followed by the real answer
            String statusLine = line(in);
            if (statusLine == null) {
                return new Outcome(-1, Map.of(), new byte[0], "connection closed without an answer");
            }
            status = Integer.parseInt(statusLine.split(" ")[1]);
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
