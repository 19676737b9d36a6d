package org.motcua.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.store.fs.FileBaseDefault;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * A file system for H2 ({@code unsynced:} before the path) that behaves like an operating system's page cache over a
 * disk that loses power: a write stays in memory, readable, until its channel is forced; then it goes to the file in
 * order. The power cut comes just after the N-th write of the process ({@code -Dmotcua.powerCut=N:SEED}) is in the
 * cache: a random subset of the writes not forced yet, that one among them, reaches the file (a disk writes dirty
 * pages back in any order, or not at all), then the process halts. Truncation is passed through at once, as if forced. Used by {@link CrashingDesk} in the child JVM of
 * {@link StorePowerLossTest}.
 */
public final class FilePathUnsynced extends FilePathWrapper {

    static final String SCHEME = "unsynced";
    private static final List<UnsyncedChannel> OPEN = new ArrayList<>();
    private static final AtomicLong WRITES = new AtomicLong();
    private static long cutAt = -1;
    private static Random random;

    /** Registers the file system and arms the cut from {@code -Dmotcua.powerCut=N:SEED}. */
    static void install() {
        String[] cut = System.getProperty("motcua.powerCut", "").split(":");
        if (cut.length == 2) {
            cutAt = Long.parseLong(cut[0]);
            random = new Random(Long.parseLong(cut[1]));
        }
        FilePath.register(new FilePathUnsynced());
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        UnsyncedChannel channel = new UnsyncedChannel(getBase().open(mode));
        synchronized (OPEN) {
            OPEN.add(channel);
        }
        return channel;
    }

    /** Counts a write; at the armed one, the power goes. */
    private static void writing() {
        if (cutAt > 0 && WRITES.incrementAndGet() == cutAt) {
            int lost = 0;
            int kept = 0;
            synchronized (OPEN) {
                for (UnsyncedChannel c : OPEN) {
                    int[] outcome = c.powerCut(random);
                    kept += outcome[0];
                    lost += outcome[1];
                }
            }
            System.out.println("MOTCUA-POWER-CUT at write " + cutAt + ": " + lost + " unforced writes lost, " + kept
                    + " reached the disk");
            System.out.flush();
            Runtime.getRuntime().halt(137);
        }
    }

    /** One file: the real channel underneath and the writes it has not forced yet, in order. */
    private static final class UnsyncedChannel extends FileBaseDefault {

        private record Write(long position, byte[] bytes) {
        }

        private final FileChannel base;
        private final List<Write> pending = new ArrayList<>();
        private long size;

        UnsyncedChannel(FileChannel base) throws IOException {
            this.base = base;
            this.size = base.size();
        }

        @Override
        public synchronized int read(ByteBuffer dst, long position) throws IOException {
            if (position >= size) {
                return -1;
            }
            int length = (int) Math.min(dst.remaining(), size - position);
            byte[] bytes = new byte[length];
            ByteBuffer onDisk = ByteBuffer.wrap(bytes);
            for (long at = position; onDisk.hasRemaining(); ) {
                int n = base.read(onDisk, at);
                if (n <= 0) {
                    break;   // past the real file's end: zeros, unless a pending write covers it
                }
                at += n;
            }
            for (Write w : pending) {
                long from = Math.max(position, w.position());
                long to = Math.min(position + length, w.position() + w.bytes().length);
                if (from < to) {
                    System.arraycopy(w.bytes(), (int) (from - w.position()), bytes, (int) (from - position), (int) (to - from));
                }
            }
            dst.put(bytes);
            return length;
        }

        @Override
        public synchronized int write(ByteBuffer src, long position) throws IOException {
            byte[] bytes = new byte[src.remaining()];
            src.get(bytes);
            pending.add(new Write(position, bytes));
            size = Math.max(size, position + bytes.length);
            // The cut comes once the write is in the cache, not before it: the store forces after each commit, so
            // a cut before the write would find nothing unforced and be no more than a kill.
            writing();
            return bytes.length;
        }

        @Override
        public synchronized long size() {
            return size;
        }

        @Override
        protected synchronized void implTruncate(long newSize) throws IOException {
            applyPending();
            base.truncate(newSize);
            size = Math.min(size, newSize);
        }

        @Override
        public synchronized void force(boolean metaData) throws IOException {
            applyPending();
            base.force(metaData);
        }

        @Override
        public synchronized FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return base.tryLock(position, size, shared);
        }

        @Override
        protected synchronized void implCloseChannel() throws IOException {
            applyPending();   // an orderly close: the OS writes its cache back in time
            base.close();
            synchronized (OPEN) {
                OPEN.remove(this);
            }
        }

        private void applyPending() throws IOException {
            for (Write w : pending) {
                writeFully(w);
            }
            pending.clear();
        }

        /** Writes a random subset of the pending writes; returns {kept, lost}. */
        synchronized int[] powerCut(Random r) {
            int kept = 0;
            int lost = 0;
            for (Write w : pending) {
                if (r.nextBoolean()) {
                    try {
                        writeFully(w);
                        kept++;
                    } catch (IOException e) {
                        lost++;
                    }
                } else {
                    lost++;
                }
            }
            pending.clear();
            return new int[] {kept, lost};
        }

        private void writeFully(Write w) throws IOException {
            ByteBuffer b = ByteBuffer.wrap(w.bytes());
            for (long at = w.position(); b.hasRemaining(); ) {
                at += base.write(b, at);
            }
        }
    }
}
