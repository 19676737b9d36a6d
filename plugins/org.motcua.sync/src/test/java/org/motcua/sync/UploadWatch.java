package org.motcua.sync;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.motcua.sync.faults.FaultProxy;

/**
 * Follows the blob requests and answers crossing a {@link FaultProxy}: every request head the client sent (with its
 * {@code Upload-Offset}) and every answer head the client received whole, in the order they happened, so a test can
 * check that no chunk went up again after the client had been told it was stored. It can also damage one byte of the
 * body of a {@code PATCH} on the way (from the {@code tamperFrom}-th on, until the server refused one), as a chunk
 * corrupted in transit.
 */
final class UploadWatch implements FaultProxy.Tap {

    /** A request the client sent, or an answer it received (status > 0). */
    record Exchange(int connection, String method, int status, Optional<Long> uploadOffset, long bodyBytes, long nanos) {
        boolean isAnswer() {
            return status > 0;
        }

        /** One line of {@link #timeline}: when, which connection, what. */
        String describe(long sinceNanos) {
            return String.format(Locale.ROOT, "%7.1f s  #%d %s %s%s%s", (nanos - sinceNanos) / 1e9, connection,
                    isAnswer() ? "answer to" : "sent", method, isAnswer() ? " " + status : "",
                    uploadOffset.map(o -> " offset " + o).orElse("") + (bodyBytes > 0 ? ", " + bodyBytes + " bytes" : ""));
        }
    }

    private final int tamperFrom;
    private final List<Exchange> log = new ArrayList<>();
    private final Map<Integer, Side> up = new HashMap<>();
    private final Map<Integer, Side> down = new HashMap<>();
    private final Map<Integer, Deque<String>> methods = new HashMap<>();
    private int patches;
    private boolean tamperWanted;
    private int tampered;

    UploadWatch(int tamperFrom) {
        this.tamperFrom = tamperFrom;
    }

    /** One direction of one connection: the head being read, then how many body bytes remain. */
    private static final class Side {
        final ByteArrayOutputStream head = new ByteArrayOutputStream();
        long bodyLeft;
        boolean tamperThisBody;
    }

    @Override
    public synchronized byte[] entering(int connection, boolean upward, byte[] data) {
        if (!upward) {
            return data;
        }
        byte[] out = data;
        Side s = up.computeIfAbsent(connection, k -> new Side());
        int i = 0;
        while (i < out.length) {
            if (s.bodyLeft > 0) {
                int n = (int) Math.min(s.bodyLeft, out.length - i);
                if (s.tamperThisBody) {
                    out = out == data ? data.clone() : out;
                    out[i] ^= 0x5a;
                    s.tamperThisBody = false;
                    tampered++;
                }
                s.bodyLeft -= n;
                i += n;
                continue;
            }
            s.head.write(out[i++]);
            String head = headIfComplete(s);
            if (head != null) {
                String method = head.substring(0, head.indexOf(' '));
                methods.computeIfAbsent(connection, k -> new ArrayDeque<>()).add(method);
                s.bodyLeft = header(head, "content-length").map(Long::parseLong).orElse(0L);
                log.add(new Exchange(connection, method, 0, header(head, "upload-offset").map(Long::parseLong), s.bodyLeft,
                        System.nanoTime()));
                if (method.equals("PATCH") && ++patches >= tamperFrom && tampered == 0) {
                    tamperWanted = true;
                }
                s.tamperThisBody = method.equals("PATCH") && tamperWanted && s.bodyLeft > 0;
            }
        }
        return out;
    }

    @Override
    public synchronized void delivered(int connection, boolean upward, byte[] data, int offset, int length) {
        if (upward) {
            return;
        }
        Side s = down.computeIfAbsent(connection, k -> new Side());
        for (int i = offset; i < offset + length; i++) {
            if (s.bodyLeft > 0) {
                s.bodyLeft--;
                continue;
            }
            s.head.write(data[i]);
            String head = headIfComplete(s);
            if (head != null) {
                int status = Integer.parseInt(head.split(" ")[1]);
                if (status < 200) {
                    continue;   // an interim answer (100 Continue): the real one follows
                }
                Deque<String> sent = methods.getOrDefault(connection, new ArrayDeque<>());
                String method = sent.isEmpty() ? "?" : sent.poll();
                boolean noBody = method.equals("HEAD") || status == 204 || status == 304;
                s.bodyLeft = noBody ? 0 : header(head, "content-length").map(Long::parseLong).orElse(0L);
                log.add(new Exchange(connection, method, status, header(head, "upload-offset").map(Long::parseLong), s.bodyLeft,
                        System.nanoTime()));
                if (method.equals("PATCH") && status == 422) {
                    tamperWanted = false;   // refused: one tampered chunk is enough
                }
            }
        }
    }

    private static String headIfComplete(Side s) {
        byte[] b = s.head.toByteArray();
        int n = b.length;
        if (n >= 4 && b[n - 4] == '\r' && b[n - 3] == '\n' && b[n - 2] == '\r' && b[n - 1] == '\n') {
            s.head.reset();
            return new String(b, StandardCharsets.ISO_8859_1);
        }
        return null;
    }

    private static Optional<String> header(String head, String name) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(name)) {
                return Optional.of(line.substring(colon + 1).trim());
            }
        }
        return Optional.empty();
    }

    /** Every request head and answer head from {@code sinceNanos} on, one line each: where an upload's time went. */
    synchronized List<String> timeline(long sinceNanos) {
        return log.stream().filter(e -> e.nanos() >= sinceNanos).map(e -> e.describe(sinceNanos)).toList();
    }

    synchronized List<Exchange> log() {
        return List.copyOf(log);
    }

    /**
     * PATCH requests sent with an offset below what the client had already been told was stored (by a 204, a 200, a
     * HEAD or a 409 it received whole): chunks sent again after they were acknowledged. Empty when none.
     */
    synchronized List<String> chunksSentAgainAfterAcknowledgement() {
        long acknowledged = 0;
        List<String> again = new ArrayList<>();
        for (int i = 0; i < log.size(); i++) {
            Exchange e = log.get(i);
            if (e.isAnswer() && (e.method().equals("PATCH") || e.method().equals("HEAD")) && e.status() < 300
                    || e.isAnswer() && e.status() == 409) {
                acknowledged = Math.max(acknowledged, e.uploadOffset().orElse(acknowledged));
            } else if (!e.isAnswer() && e.method().equals("PATCH") && e.uploadOffset().orElse(0L) < acknowledged) {
                again.add("#" + i + " PATCH at " + e.uploadOffset().orElse(0L) + " after " + acknowledged + " was acknowledged");
            }
        }
        return again;
    }

    /** How many PATCH answers of {@code status} the client received. */
    synchronized long patchAnswers(int status) {
        return log.stream().filter(e -> e.isAnswer() && e.method().equals("PATCH") && e.status() == status).count();
    }

    synchronized long patchesSent() {
        return log.stream().filter(e -> !e.isAnswer() && e.method().equals("PATCH")).count();
    }

    synchronized int tampered() {
        return tampered;
    }
}
