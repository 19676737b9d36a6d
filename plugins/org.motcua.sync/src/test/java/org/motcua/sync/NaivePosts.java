package org.motcua.sync;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.impl.bootstrap.HttpServer;
import org.apache.hc.core5.http.impl.bootstrap.ServerBootstrap;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.motcua.store.sync.OutboxEvent;
import org.motcua.sync.faults.FaultProxy;

/**
 * The peer way of sending a desk's records for the bytes-per-event comparison: one plain JSON POST per record, with
 * the same content (the event's ids, type, time and payload), a bearer token, HttpClient 5's default headers and a
 * kept-alive connection, answered {@code 201} with a one-line JSON body. The wire volume is read from a clean
 * {@link FaultProxy} in front of a tiny HttpCore 5 server, exactly as for the real sync.
 */
final class NaivePosts {

    private static final String TOKEN = "Bearer 3q2+7w8fYk1L0m9N4p5Q6r7S8t9U0v1W2x3Y4z5A6b7";

    private NaivePosts() {
    }

    /** Posts every event through a clean proxy; returns the bytes that crossed it both ways. */
    static long wireBytes(List<OutboxEvent> events) throws IOException {
        HttpServer server = ServerBootstrap.bootstrap().setLocalAddress(InetAddress.getLoopbackAddress()).setListenerPort(0)
                .setCanonicalHostName("127.0.0.1")
                .register("*", (request, response, context) -> {
                    EntityUtils.consume(request.getEntity());
                    response.setCode(201);
                    response.setEntity(new StringEntity("{\"ok\":true}", ContentType.APPLICATION_JSON));
                }).create();
        server.start();
        try (FaultProxy proxy = FaultProxy.clean(new InetSocketAddress("127.0.0.1", server.getLocalPort()));
                CloseableHttpClient client = HttpClients.createDefault()) {
            for (OutboxEvent e : events) {
                HttpPost post = new HttpPost(proxy.baseUri() + "/api/records");
                post.setHeader("Authorization", TOKEN);
                post.setEntity(new ByteArrayEntity(json(e), ContentType.APPLICATION_JSON));
                int code = client.execute(post, r -> {
                    EntityUtils.consume(r.getEntity());
                    return r.getCode();
                });
                if (code != 201) {
                    throw new IOException("the naive sink answered " + code);
                }
            }
            return proxy.bytesUp() + proxy.bytesDown();
        } finally {
            server.close();
        }
    }

    private static byte[] json(OutboxEvent e) {
        String head = "{\"eventId\":\"" + e.eventId() + "\",\"type\":\"" + e.type() + "\",\"dossierId\":\"" + e.aggregateId()
                + "\",\"createdAt\":\"" + e.createdAt() + "\",\"payload\":";
        byte[] h = head.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[h.length + e.payload().length + 1];
        System.arraycopy(h, 0, out, 0, h.length);
        System.arraycopy(e.payload(), 0, out, h.length, e.payload().length);
        out[out.length - 1] = '}';
        return out;
    }
}
