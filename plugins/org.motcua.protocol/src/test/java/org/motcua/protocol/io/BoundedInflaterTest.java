package org.motcua.protocol.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** §7 step 5 and the §16 server cases 8 and 30 at the level of the decoder. */
class BoundedInflaterTest {

    private static final long MAX = 1_048_576;

    private static BoundedInflater.Refused refused(byte[] gz) {
        return assertThrows(BoundedInflater.Refused.class, () -> BoundedInflater.gunzip(gz, MAX, "maxBatchBytes", 100));
    }

    @Test
    void roundTrips() throws Exception {
        byte[] text = "{\"kind\":\"batch\",\"note\":\"Thiếu bản sao CCCD\"}".repeat(50).getBytes();
        assertArrayEquals(text, BoundedInflater.gunzip(Gzip.compress(text), MAX, "maxBatchBytes", 100));
    }

    @Test
    void aCorruptedCrcOrTrailingBytesOrATruncatedStreamAreCorrupt() {
        byte[] data = new byte[5000];
        new Random(7).nextBytes(data); // incompressible, so the ratio cap plays no part
        byte[] gz = Gzip.compress(data);
        byte[] badCrc = gz.clone();
        badCrc[badCrc.length - 6] ^= 1;
        assertFalse(refused(badCrc).overLimit());
        assertFalse(refused(Arrays.copyOf(gz, gz.length + 1)).overLimit(), "trailing data");
        byte[] twoMembers = new byte[gz.length * 2];
        System.arraycopy(gz, 0, twoMembers, 0, gz.length);
        System.arraycopy(gz, 0, twoMembers, gz.length, gz.length);
        assertFalse(refused(twoMembers).overLimit(), "a second member is trailing data");
        assertFalse(refused(Arrays.copyOf(gz, gz.length - 3)).overLimit(), "truncated");
        assertFalse(refused(new byte[] {1, 2, 3}).overLimit(), "not gzip");
    }

    @Test
    void a64KiBBombInflatingTo64MiBStopsAtTheSizeCap() throws Exception {
        byte[] bomb = gzipOfZeros(64L << 20);
        assertTrue(bomb.length <= 70_000, "the bomb is about 64 KiB: " + bomb.length);
        BoundedInflater.Refused e = refused(bomb);
        assertTrue(e.overLimit());
        assertEquals("maxBatchBytes", e.limitName());
    }

    @Test
    void a4KiBStreamInflatingTo800KiBStopsAtTheRatioCap() throws Exception {
        byte[] gz = gzipOfZeros(800L << 10);
        byte[] padded = gz;
        if (gz.length < 4096) {
            // pad the header with an FEXTRA field so the input is 4 KiB, as in §16 case 30
            padded = withExtraField(gz, 4096 - gz.length);
        }
        assertEquals(4096, padded.length);
        BoundedInflater.Refused e = refused(padded);
        assertTrue(e.overLimit());
        assertEquals("maxInflateRatio", e.limitName());
    }

    @Test
    void randomBytesNeverThrowAnythingElse() {
        Random random = new Random(42);
        for (int i = 0; i < 2000; i++) {
            byte[] gz = Gzip.compress(new byte[random.nextInt(2000)]);
            gz[random.nextInt(gz.length)] ^= (byte) (1 + random.nextInt(255));
            try {
                BoundedInflater.gunzip(gz, MAX, "maxBatchBytes", 100);
            } catch (BoundedInflater.Refused expected) {
                // refused or, when the flip hit an unused header bit, decoded
            }
        }
    }

    private static byte[] gzipOfZeros(long n) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            byte[] zeros = new byte[1 << 20];
            for (long left = n; left > 0; left -= zeros.length) {
                gz.write(zeros, 0, (int) Math.min(zeros.length, left));
            }
        }
        return out.toByteArray();
    }

    private static byte[] withExtraField(byte[] gz, int extra) {
        int xlen = extra - 2;
        byte[] out = new byte[gz.length + extra];
        System.arraycopy(gz, 0, out, 0, 10);
        out[3] |= 4; // FEXTRA
        out[10] = (byte) xlen;
        out[11] = (byte) (xlen >> 8);
        System.arraycopy(gz, 10, out, 12 + xlen, gz.length - 10);
        return out;
    }
}
