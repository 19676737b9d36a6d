package org.motcua.sync.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongConsumer;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.AbstractHttpEntity;
import org.motcua.protocol.io.BoundedInflater;

/**
 * One HTTP exchange at a time over an {@link HttpTransport}'s client: the request body sent as given (gzip-encoded
 * when asked), the response read whole up to a cap and, when the server gzip-encoded it, inflated with the contract's
 * caps ({@link BoundedInflater}) rather than by HttpClient's unbounded decoder.
 */
public final class Http {

    /** A response: status, headers (first value of each, names lower-cased) and the decoded body. */
    public record Response(int status, Map<String, String> headers, byte[] body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** Largest response body read (a receipt of 500 results, a feed page of 200 items, a state: well below). */
    static final int MAX_BODY = 4 * 1024 * 1024;

    private final CloseableHttpClient client;
    private final URI base;

    /** When the first exchange after the last one the link cut began: when the link was last seen coming back. */
    private volatile long linkUpSinceNanos = -1;
    private volatile boolean cut = true;

    Http(CloseableHttpClient client, URI base) {
        this.client = client;
        this.base = base;
    }

    public URI base() {
        return base;
    }

    /** The absolute URI of {@code path} (which starts with {@code /api/v1}) under the base URL. */
    public URI uri(String path) {
        String b = base.toString();
        return URI.create((b.endsWith("/") ? b.substring(0, b.length() - 1) : b) + path);
    }

    /**
     * Sends {@code method path} with {@code body} (may be null) and returns the whole response.
     *
     * @param progress told the number of body bytes written so far; may be null
     * @throws IOException for no answer: a refused or cut connection, a timeout, a TLS failure
     */
    public Response exchange(String method, String path, Map<String, String> headers, byte[] body, String contentType,
            LongConsumer progress) throws IOException {
        return exchange(method, path, headers, body, contentType, progress, MAX_BODY);
    }

    /** As above, with the answer's body allowed up to {@code maxBody} bytes (a blob's bytes, not a document). */
    public Response exchange(String method, String path, Map<String, String> headers, byte[] body, String contentType,
            LongConsumer progress, int maxBody) throws IOException {
        HttpUriRequestBase request = new HttpUriRequestBase(method, uri(path));
        String encoding = null;
        for (Map.Entry<String, String> h : headers.entrySet()) {
            if (h.getKey().equalsIgnoreCase("Content-Encoding")) {
                encoding = h.getValue();  // belongs to the entity, or HttpClient would add it twice
            } else {
                request.setHeader(h.getKey(), h.getValue());
            }
        }
        request.setHeader("Accept-Encoding", "gzip");
        if (body != null) {
            request.setEntity(new CountingEntity(body, ContentType.parse(contentType), encoding, progress));
        }
        long started = System.nanoTime();
        if (cut) {
            linkUpSinceNanos = started;
            cut = false;
        }
        try {
            return client.execute(request, response -> read(response, maxBody));
        } catch (IOException e) {
            cut = true;
            throw e;
        }
    }

    /** Where a download's body goes, chosen once its status and headers (lower-cased names) are known. */
    @FunctionalInterface
    public interface Sink {
        OutputStream open(int status, Map<String, String> headers) throws IOException;
    }

    /**
     * A GET whose 200 or 206 body is written to {@code sink} as it arrives, so a link cut mid-way keeps every byte that
     * came (a product update fetched at 2 KB/s resumes from there). Other answers are read whole like
     * {@link #exchange}, a problem document at most. The returned response has an empty body when the body went to the
     * sink.
     *
     * @throws IOException for no answer or a cut; what arrived before it is in the sink
     */
    public Response download(String path, Map<String, String> headers, Sink sink) throws IOException {
        HttpUriRequestBase request = new HttpUriRequestBase("GET", uri(path));
        headers.forEach(request::setHeader);
        if (cut) {
            linkUpSinceNanos = System.nanoTime();
            cut = false;
        }
        try {
            return client.execute(request, response -> {
                int status = response.getCode();
                if (status != 200 && status != 206) {
                    return read(response, MAX_BODY);
                }
                Map<String, String> h = new LinkedHashMap<>();
                for (Header x : response.getHeaders()) {
                    h.putIfAbsent(x.getName().toLowerCase(Locale.ROOT), x.getValue());
                }
                HttpEntity entity = response.getEntity();
                if (entity != null) {
                    try (InputStream in = entity.getContent(); OutputStream out = sink.open(status, h)) {
                        byte[] buf = new byte[4096];
                        for (int n; in != null && (n = in.read(buf)) > 0; ) {
                            out.write(buf, 0, n);
                            out.flush();
                        }
                    }
                }
                return new Response(status, h, new byte[0]);
            });
        } catch (IOException e) {
            cut = true;
            throw e;
        }
    }

    /**
     * When the first request after the last one that failed without an answer began (a cut, a refused connection, a
     * timeout), or -1 before any request: how long the link has been up, whatever request found it back.
     */
    public long linkUpSinceNanos() {
        return linkUpSinceNanos;
    }

    private static Response read(ClassicHttpResponse response, int maxBody) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header h : response.getHeaders()) {
            headers.putIfAbsent(h.getName().toLowerCase(Locale.ROOT), h.getValue());
        }
        byte[] body = new byte[0];
        HttpEntity entity = response.getEntity();
        if (entity != null) {
            try (InputStream in = entity.getContent()) {
                body = in == null ? new byte[0] : readCapped(in, maxBody);
            }
        }
        if ("gzip".equalsIgnoreCase(headers.get("content-encoding")) && body.length > 0) {
            try {
                body = BoundedInflater.gunzip(body, maxBody, "response", 1000);
            } catch (BoundedInflater.Refused e) {
                throw new IOException("the server's gzip body was refused: " + e.getMessage());
            }
        }
        return new Response(response.getCode(), headers, body);
    }

    private static byte[] readCapped(InputStream in, int maxBody) throws IOException {
        byte[] bytes = in.readNBytes(maxBody + 1);
        if (bytes.length > maxBody) {
            throw new IOException("the server's answer is larger than " + maxBody + " bytes");
        }
        return bytes;
    }

    /** A repeatable byte-array body that reports how much of it has been written, for a progress bar. */
    private static final class CountingEntity extends AbstractHttpEntity {
        private final byte[] bytes;
        private final LongConsumer progress;

        CountingEntity(byte[] bytes, ContentType type, String encoding, LongConsumer progress) {
            super(type, encoding);
            this.bytes = bytes;
            this.progress = progress;
        }

        @Override
        public boolean isRepeatable() {
            return true;
        }

        @Override
        public long getContentLength() {
            return bytes.length;
        }

        @Override
        public InputStream getContent() {
            return new java.io.ByteArrayInputStream(bytes);
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            int chunk = 4096;
            for (int off = 0; off < bytes.length; off += chunk) {
                int n = Math.min(chunk, bytes.length - off);
                out.write(bytes, off, n);
                if (progress != null) {
                    progress.accept(off + n);
                }
            }
            out.flush();
        }

        @Override
        public boolean isStreaming() {
            return false;
        }

        @Override
        public void close() {
            // nothing to release
        }
    }
}
