package org.motcua.sync.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * A TCP proxy on loopback that puts a bad link between a client and a server: bandwidth, latency, a link that drops
 * at intervals, and per-connection faults (a cut after N bytes in either direction, a response lost after the server
 * committed, a request duplicated at once or later). Nothing suitable is packaged, so the tests carry their own.
 *
 * <p>Each connection gets its {@link ConnectionFaults} from a function of its number, so a seeded schedule replays
 * exactly. Bytes forwarded are counted per direction: the benchmarks read the wire volume from here.
 */
public final class FaultProxy implements AutoCloseable {

    /** Where connections go, in turn: one server, or several instances of it with requests spread across them. */
    private volatile List<InetSocketAddress> targets;
    private final AtomicInteger turn = new AtomicInteger();
    private final ServerSocket listener;
    private final LinkShape shape;
    private volatile IntFunction<ConnectionFaults> faults;
    private final Throttle up;
    private final Throttle down;
    private final AtomicLong bytesUp = new AtomicLong();
    private final AtomicLong bytesDown = new AtomicLong();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger resets = new AtomicInteger();
    private final List<String> requestLines = new CopyOnWriteArrayList<>();
    /** Every request (when its last byte reached the proxy) and every drop, with the time: a benchmark prints it. */
    private final List<Moment> timeline = new CopyOnWriteArrayList<>();
    private final Set<ProxiedConnection> open = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "link-cutter"));
    private volatile boolean closed;
    private volatile Tap tap = Tap.NONE;
    private ScheduledFuture<?> cutClock;

    /**
     * Sees the bytes of every connection as the link carries them: {@link #entering} may change them before they go
     * (a chunk damaged on the way), {@link #delivered} is told of each slice once it reached the other side, so a test
     * knows exactly which answers a client received before a cut.
     */
    public interface Tap {
        Tap NONE = new Tap() {
        };

        default byte[] entering(int connection, boolean up, byte[] data) {
            return data;
        }

        default void delivered(int connection, boolean up, byte[] data, int offset, int length) {
        }
    }

    /** Watches (and may alter) what connections accepted from now on carry. */
    public void setTap(Tap tap) {
        this.tap = tap;
    }

    public FaultProxy(InetSocketAddress target, LinkShape shape, IntFunction<ConnectionFaults> faults) throws IOException {
        this.targets = List.of(target);
        this.shape = shape;
        this.faults = faults;
        this.up = new Throttle(shape.bytesPerSecond());
        this.down = new Throttle(shape.bytesPerSecond());
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        daemon(this::acceptLoop, "fault-proxy-accept").start();
        if (!shape.cutEvery().isZero()) {
            restartCutClock(shape.cutEvery());
        }
    }

    /**
     * Starts the link's drops again from now: the first after {@code firstCut}, then every {@code cutEvery} of the
     * shape. A benchmark uses it so that a drop falls inside the transfer it measures, not before it starts.
     */
    public synchronized void restartCutClock(Duration firstCut) {
        if (shape.cutEvery().isZero()) {
            throw new IllegalStateException("this link never drops");
        }
        if (cutClock != null) {
            cutClock.cancel(false);
        }
        long ms = shape.cutEvery().toMillis();
        cutClock = timer.scheduleAtFixedRate(this::cutAll, firstCut.toMillis(), ms, TimeUnit.MILLISECONDS);
    }

    /** A proxy with a clean link and no faults. */
    public static FaultProxy clean(InetSocketAddress target) throws IOException {
        return new FaultProxy(target, LinkShape.LOOPBACK, n -> ConnectionFaults.NONE);
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + listener.getLocalPort());
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Sends connections accepted from now on to another server (a restarted one on a new port, say). */
    public void setTarget(InetSocketAddress newTarget) {
        this.targets = List.of(newTarget);
    }

    /**
     * Spreads connections accepted from now on (and replayed requests) over several servers in turn: instances of
     * one province on one database, so a request and its duplicate or its retry may reach different instances.
     */
    public void setTargets(List<InetSocketAddress> newTargets) {
        this.targets = List.copyOf(newTargets);
    }

    private InetSocketAddress nextTarget() {
        List<InetSocketAddress> t = targets;
        return t.get(Math.floorMod(turn.getAndIncrement(), t.size()));
    }

    /** Replaces the fault function for connections accepted from now on. */
    public void setFaults(IntFunction<ConnectionFaults> faults) {
        this.faults = faults;
    }

    /** Bytes forwarded from clients to the server. */
    public long bytesUp() {
        return bytesUp.get();
    }

    /** Bytes forwarded from the server to clients. */
    public long bytesDown() {
        return bytesDown.get();
    }

    public int connections() {
        return connections.get();
    }

    /** How many connections the proxy reset (faults and link drops). */
    public int resets() {
        return resets.get();
    }

    /** The request line ({@code GET /api/v1/...}) of every whole request a client sent through the proxy, in order. */
    public List<String> requestLines() {
        return List.copyOf(requestLines);
    }

    /** What happened on the link from {@code sinceNanos} on, one line per request or drop, seconds from then. */
    public List<String> timeline(long sinceNanos) {
        return timeline.stream().filter(m -> m.nanos() >= sinceNanos)
                .map(m -> String.format(java.util.Locale.ROOT, "%6.1f s  %s", (m.nanos() - sinceNanos) / 1e9, m.what()))
                .toList();
    }

    private record Moment(long nanos, String what) {
    }

    /** Drops the link now: every open connection is reset. */
    public void cutAll() {
        timeline.add(new Moment(System.nanoTime(), "-- link cut (" + open.size() + " open connection(s))"));
        for (ProxiedConnection c : open) {
            c.reset();
        }
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                int n = connections.incrementAndGet();
                ConnectionFaults f = faults.apply(n);
                Socket server = new Socket();
                try {
                    server.connect(nextTarget(), 5000);
                } catch (IOException e) {
                    hardClose(client);
                    continue;
                }
                ProxiedConnection c = new ProxiedConnection(n, client, server, f);
                open.add(c);
                c.start();
            } catch (IOException e) {
                if (!closed) {
                    sleepQuietly(10);
                }
            }
        }
    }

    /** One client connection and its server connection, with a pipe each way. */
    private final class ProxiedConnection {
        private final int number;
        private final Socket client;
        private final Socket server;
        private final ConnectionFaults faults;
        private final AtomicInteger pipesLeft = new AtomicInteger(2);
        private volatile boolean reset;

        ProxiedConnection(int number, Socket client, Socket server, ConnectionFaults faults) {
            this.number = number;
            this.client = client;
            this.server = server;
            this.faults = faults;
        }

        void start() throws IOException {
            RequestFramer framer = new RequestFramer(request -> {
                String line = RequestFramer.requestLine(request);
                requestLines.add(line);
                timeline.add(new Moment(System.nanoTime(), line));
                if (faults.duplicateRequests()) {
                    replay(request, faults.duplicateDelay());
                }
            });
            Tap t = tap;
            new Pipe(this, client, server, up, bytesUp, faults.cutUpAfter(), framer, "up", t).start();
            new Pipe(this, server, client, down, bytesDown, faults.cutDownAfter(), null, "down", t).start();
        }

        /** Both sides see a reset (RST), like a link that went away. */
        void reset() {
            if (!reset) {
                reset = true;
                resets.incrementAndGet();
                hardClose(client);
                hardClose(server);
                open.remove(this);
            }
        }

        boolean isReset() {
            return reset;
        }

        /** A direction finished cleanly (EOF): pass the half-close on; when both are done, forget the connection. */
        void pipeDone(Socket writeSide) {
            try {
                writeSide.shutdownOutput();
            } catch (IOException ignored) {
                // the other side is gone already
            }
            if (pipesLeft.decrementAndGet() == 0) {
                closeQuietly(client);
                closeQuietly(server);
                open.remove(this);
            }
        }
    }

    /**
     * Copies one direction. A reader thread timestamps what arrives; this thread releases it after the link's
     * latency, at the link's bandwidth, and cuts the connection at the planned byte.
     */
    private final class Pipe {
        private final ProxiedConnection connection;
        private final Socket to;
        private final InputStream in;
        private final OutputStream out;
        private final Throttle throttle;
        private final AtomicLong counter;
        private final long cutAfter;
        private final RequestFramer framer;
        private final String name;
        private final Tap tap;
        private final java.util.concurrent.LinkedBlockingQueue<Chunk> queue = new java.util.concurrent.LinkedBlockingQueue<>();
        private long forwarded;

        Pipe(ProxiedConnection connection, Socket from, Socket to, Throttle throttle, AtomicLong counter, long cutAfter,
                RequestFramer framer, String name, Tap tap) throws IOException {
            this.connection = connection;
            this.to = to;
            this.in = from.getInputStream();
            this.out = to.getOutputStream();
            this.throttle = throttle;
            this.counter = counter;
            this.cutAfter = cutAfter;
            this.framer = framer;
            this.name = name;
            this.tap = tap;
        }

        void start() {
            daemon(this::read, "fault-proxy-read-" + name).start();
            daemon(this::write, "fault-proxy-write-" + name).start();
        }

        private void read() {
            byte[] buffer = new byte[8192];
            try {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    byte[] data = java.util.Arrays.copyOf(buffer, n);
                    if (framer != null) {
                        framer.accept(data);
                    }
                    queue.put(new Chunk(System.nanoTime() + shape.oneWayLatency().toNanos(), data));
                }
                queue.put(Chunk.EOF);
            } catch (IOException | InterruptedException e) {
                queue.offer(Chunk.EOF);
            }
        }

        private void write() {
            try {
                while (true) {
                    Chunk c = queue.take();
                    if (c == Chunk.EOF) {
                        if (!connection.isReset()) {
                            connection.pipeDone(to);
                        }
                        return;
                    }
                    long wait = c.releaseAtNanos() - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    if (!send(c.data())) {
                        return;
                    }
                }
            } catch (InterruptedException | IOException e) {
                connection.reset();
            }
        }

        /** Writes in small slices so the throttle and the cut are precise; false once the connection is cut. */
        private boolean send(byte[] original) throws IOException, InterruptedException {
            boolean upward = name.equals("up");
            byte[] data = tap.entering(connection.number, upward, original);
            int offset = 0;
            while (offset < data.length) {
                if (connection.isReset()) {
                    return false;
                }
                int slice = Math.min(512, data.length - offset);
                if (cutAfter >= 0 && forwarded + slice > cutAfter) {
                    int allowed = (int) (cutAfter - forwarded);
                    if (allowed > 0) {
                        out.write(data, offset, allowed);
                        out.flush();
                        counter.addAndGet(allowed);
                    }
                    connection.reset();
                    return false;
                }
                throttle.acquire(slice);
                out.write(data, offset, slice);
                out.flush();
                tap.delivered(connection.number, upward, data, offset, slice);
                forwarded += slice;
                counter.addAndGet(slice);
                offset += slice;
            }
            return true;
        }
    }

    private record Chunk(long releaseAtNanos, byte[] data) {
        static final Chunk EOF = new Chunk(0, new byte[0]);
    }

    /** Sends a captured request again on its own connection and throws the answer away. */
    private void replay(byte[] request, Duration delay) {
        daemon(() -> {
            sleepQuietly(delay.toMillis());
            try (Socket s = new Socket()) {
                s.connect(nextTarget(), 5000);
                s.setSoTimeout(30_000);
                s.getOutputStream().write(request);
                s.getOutputStream().flush();
                InputStream in = s.getInputStream();
                byte[] buffer = new byte[8192];
                while (in.read(buffer) >= 0) {
                    // discard until the server closes or the timeout ends the replay
                }
            } catch (IOException ignored) {
                // a replay that fails is just one more lost packet
            }
        }, "fault-proxy-replay").start();
    }

    @Override
    public void close() {
        closed = true;
        timer.shutdownNow();
        closeQuietly(listener);
        cutAll();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private static void hardClose(Socket s) {
        try {
            s.setSoLinger(true, 0);
        } catch (SocketException ignored) {
            // already closed
        }
        closeQuietly(s);
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // nothing to do
        }
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
