package org.motcua.protocol.io;

import java.io.ByteArrayOutputStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Decodes a single-member gzip stream (RFC 1952) with the caps of §7 step 5: the output may not exceed a size cap
 * nor a ratio of the input; decoding stops at the first byte beyond either cap, so a gzip bomb costs no more memory
 * than the cap. A corrupt stream, a bad CRC or length, or any byte after the member is refused.
 *
 * <p>Hand-written over {@link Inflater} rather than {@code GZIPInputStream} because that class silently reads
 * concatenated members and cannot tell trailing data from a second member.
 */
public final class BoundedInflater {

    /** Why decoding stopped. */
    public static final class Refused extends Exception {
        private final boolean overLimit;
        private final String limitName;

        Refused(boolean overLimit, String limitName, String message) {
            super(message, null, false, false);
            this.overLimit = overLimit;
            this.limitName = limitName;
        }

        /** True for a cap ({@code inflate-limit-exceeded}); false for a corrupt stream ({@code content-encoding-invalid}). */
        public boolean overLimit() {
            return overLimit;
        }

        /** {@code maxBatchBytes}-like name of the cap, or {@code maxInflateRatio}; null for a corrupt stream. */
        public String limitName() {
            return limitName;
        }
    }

    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;

    private BoundedInflater() {
    }

    /**
     * @param maxOutput     cap on the decoded size
     * @param maxOutputName the limit's name in the problem, e.g. {@code maxBatchBytes}
     * @param maxRatio      cap on decoded size ÷ {@code gzip.length}
     */
    public static byte[] gunzip(byte[] gzip, long maxOutput, String maxOutputName, int maxRatio) throws Refused {
        int pos = header(gzip);
        long ratioCap = (long) maxRatio * gzip.length;
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(gzip, pos, gzip.length - pos);
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(gzip.length * 4, 1 << 16));
            byte[] buffer = new byte[8192];
            CRC32 crc = new CRC32();
            long total = 0;
            while (!inflater.finished()) {
                int n;
                try {
                    n = inflater.inflate(buffer);
                } catch (DataFormatException e) {
                    throw corrupt("corrupt deflate data");
                }
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw corrupt("truncated gzip stream");
                }
                total += n;
                if (total > maxOutput) {
                    throw new Refused(true, maxOutputName, "inflates to more than " + maxOutput + " bytes");
                }
                if (total > ratioCap) {
                    throw new Refused(true, "maxInflateRatio", "inflates more than " + maxRatio + " times");
                }
                crc.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
            int trailer = gzip.length - inflater.getRemaining();
            if (gzip.length - trailer != 8) {
                throw corrupt(gzip.length - trailer < 8 ? "truncated gzip trailer" : "data after the gzip member");
            }
            long storedCrc = le32(gzip, trailer);
            long storedSize = le32(gzip, trailer + 4);
            if (storedCrc != crc.getValue() || storedSize != (total & 0xFFFFFFFFL)) {
                throw corrupt("gzip CRC or length does not match");
            }
            return out.toByteArray();
        } finally {
            inflater.end();
        }
    }

    /** Skips the member header; returns where the deflate data starts. */
    private static int header(byte[] g) throws Refused {
        if (g.length < 18 || (g[0] & 0xFF) != 0x1F || (g[1] & 0xFF) != 0x8B || g[2] != 8) {
            throw corrupt("not a gzip stream");
        }
        int flags = g[3] & 0xFF;
        if ((flags & 0xE0) != 0) {
            throw corrupt("reserved gzip flags set");
        }
        int pos = 10;
        if ((flags & FEXTRA) != 0) {
            if (pos + 2 > g.length) {
                throw corrupt("truncated gzip header");
            }
            pos += 2 + ((g[pos] & 0xFF) | (g[pos + 1] & 0xFF) << 8);
        }
        if ((flags & FNAME) != 0) {
            pos = skipZeroTerminated(g, pos);
        }
        if ((flags & FCOMMENT) != 0) {
            pos = skipZeroTerminated(g, pos);
        }
        if ((flags & FHCRC) != 0) {
            pos += 2;
        }
        if (pos >= g.length) {
            throw corrupt("truncated gzip header");
        }
        return pos;
    }

    private static int skipZeroTerminated(byte[] g, int pos) throws Refused {
        while (pos < g.length && g[pos] != 0) {
            pos++;
        }
        if (pos >= g.length) {
            throw corrupt("truncated gzip header");
        }
        return pos + 1;
    }

    private static long le32(byte[] b, int at) {
        return (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16 | (b[at + 3] & 0xFFL) << 24;
    }

    private static Refused corrupt(String message) {
        return new Refused(false, null, message);
    }
}
