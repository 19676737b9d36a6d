package org.motcua.server.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * One HTTP/1.1 request exactly as the fuzzer wants it on the wire, including what a well-behaved client refuses to send:
 * any method token, any request target (dot segments, bad percent-encoding, raw bytes), any header, a Content-Length that
 * lies. {@code sentBodyBytes} below the body's length truncates the body; the socket is then half-closed.
 */
record RawRequest(String method, String target, List<Header> headers, byte[] body, Framing framing, String label) {

    record Header(String name, String value) {
    }

    /** How the body is framed: its true length, chunked, a lying Content-Length (larger: truncated), or no header at all. */
    enum Framing {
        LENGTH, CHUNKED, TRUNCATED, NONE
    }

    boolean isApi() {
        return target.startsWith("/api/");
    }

    String header(String name) {
        return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).findFirst().orElse(null);
    }

    byte[] toBytes(String host) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, method + " " + target + " HTTP/1.1\r\n");
        write(out, "Host: " + host + "\r\n");
        for (Header h : headers) {
            write(out, h.name() + ": " + h.value() + "\r\n");
        }
        byte[] b = body == null ? new byte[0] : body;
        switch (framing) {
            case LENGTH -> write(out, "Content-Length: " + b.length + "\r\n");
            case CHUNKED -> write(out, "Transfer-Encoding: chunked\r\n");
            case TRUNCATED -> write(out, "Content-Length: " + (b.length + 1 + b.length / 2) + "\r\n");
            case NONE -> {
            }
        }
        write(out, "Connection: close\r\n\r\n");
        if (framing == Framing.CHUNKED) {
            int at = 0;
            while (at < b.length) {
                int n = Math.min(8192, b.length - at);
                write(out, Integer.toHexString(n) + "\r\n");
                out.write(b, at, n);
                write(out, "\r\n");
                at += n;
            }
            write(out, "0\r\n\r\n");
        } else if (framing != Framing.NONE) {
            out.write(b, 0, b.length);
        }
        return out.toByteArray();
    }

    /** Header values are written as ISO-8859-1 so a generated value can carry any byte (invalid UTF-8 included). */
    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** A short description for failure messages (the body's first bytes only: bodies can be megabytes). */
    String describe() {
        StringBuilder b = new StringBuilder(label).append(": ").append(method).append(' ')
                .append(target.length() > 200 ? target.substring(0, 200) + "…(" + target.length() + ")" : target);
        for (Header h : headers) {
            String v = h.value();
            b.append("\n  ").append(h.name()).append(": ").append(v.length() > 120 ? v.substring(0, 120) + "…(" + v.length() + ")" : v);
        }
        int n = body == null ? 0 : body.length;
        b.append("\n  body ").append(n).append(" bytes, ").append(framing.name().toLowerCase(Locale.ROOT));
        if (n > 0) {
            b.append(": ").append(new String(body, 0, Math.min(n, 160), StandardCharsets.ISO_8859_1).replaceAll("[^\\x20-\\x7e]", "."));
        }
        return b.toString();
    }
}
