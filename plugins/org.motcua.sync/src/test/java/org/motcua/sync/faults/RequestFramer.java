package org.motcua.sync.faults;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Finds whole HTTP/1.1 requests in a client's byte stream (head up to the blank line, then Content-Length bytes), so
 * the proxy can duplicate a request exactly and tell which requests went through. Chunked bodies are not framed: the sync client always sends
 * Content-Length (§6.4 requires it), and a request the framer cannot frame is simply not duplicated.
 */
final class RequestFramer {

    private final Consumer<byte[]> onRequest;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private boolean gaveUp;

    RequestFramer(Consumer<byte[]> onRequest) {
        this.onRequest = onRequest;
    }

    void accept(byte[] data) {
        if (gaveUp) {
            return;
        }
        pending.write(data, 0, data.length);
        while (true) {
            byte[] bytes = pending.toByteArray();
            int headEnd = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            if (headEnd < 0) {
                return;
            }
            String head = new String(bytes, 0, headEnd, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
            if (head.contains("\r\ntransfer-encoding:")) {
                gaveUp = true;
                return;
            }
            int length = contentLength(head);
            int total = headEnd + 4 + length;
            if (bytes.length < total) {
                return;
            }
            byte[] request = java.util.Arrays.copyOf(bytes, total);
            pending.reset();
            pending.write(bytes, total, bytes.length - total);
            onRequest.accept(request);
        }
    }

    /** The first line of a framed request, e.g. {@code POST /api/v1/devices/…/batches HTTP/1.1}. */
    static String requestLine(byte[] request) {
        int end = indexOf(request, "\r\n".getBytes(StandardCharsets.US_ASCII));
        return new String(request, 0, Math.max(0, end), StandardCharsets.ISO_8859_1);
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.startsWith("content-length:")) {
                return Integer.parseInt(line.substring("content-length:".length()).trim());
            }
        }
        return 0;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
