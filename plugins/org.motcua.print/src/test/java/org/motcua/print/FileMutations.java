package org.motcua.print;

import java.util.Arrays;
import java.util.Random;

/**
 * Damages a real file the way a copy on a worn USB stick, a half-finished download or an editor in the wrong encoding
 * would: bits flipped, a range cut off or zeroed, bytes inserted or repeated, invalid UTF-8, a huge line. The fuzz
 * tests of the desk's file inputs start from a real file and apply one to three of these, seeded.
 */
final class FileMutations {

    private FileMutations() {
    }

    static byte[] mutate(byte[] original, Random r) {
        byte[] b = original.clone();
        for (int n = 1 + r.nextInt(3); n > 0; n--) {
            b = once(b, r);
        }
        return b;
    }

    private static byte[] once(byte[] b, Random r) {
        if (b.length == 0) {
            return new byte[] {(byte) r.nextInt(256)};
        }
        int at = r.nextInt(b.length);
        switch (r.nextInt(8)) {
            case 0 -> { // flip bits
                for (int i = 0; i < 1 + r.nextInt(8); i++) {
                    int p = r.nextInt(b.length);
                    b[p] ^= (byte) (1 << r.nextInt(8));
                }
                return b;
            }
            case 1 -> { // cut off the end
                return Arrays.copyOf(b, at);
            }
            case 2 -> { // zero a range
                Arrays.fill(b, at, Math.min(b.length, at + 1 + r.nextInt(64)), (byte) 0);
                return b;
            }
            case 3 -> { // insert random bytes
                byte[] add = new byte[1 + r.nextInt(32)];
                r.nextBytes(add);
                return splice(b, at, add);
            }
            case 4 -> { // repeat a range
                int len = Math.min(b.length - at, 1 + r.nextInt(256));
                return splice(b, at, Arrays.copyOfRange(b, at, at + len));
            }
            case 5 -> { // invalid UTF-8: a lone continuation byte or a truncated sequence
                return splice(b, at, r.nextBoolean() ? new byte[] {(byte) 0x80} : new byte[] {(byte) 0xE1, (byte) 0xBA});
            }
            case 6 -> { // a huge run of one byte (a line of 64 KiB)
                byte[] run = new byte[65_536];
                Arrays.fill(run, (byte) "{\\=:x\u00ff".charAt(r.nextInt(6)));
                return splice(b, at, run);
            }
            default -> { // a backslash escape cut short, as properties files hold them
                return splice(b, at, "\\u00".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            }
        }
    }

    private static byte[] splice(byte[] b, int at, byte[] add) {
        byte[] out = new byte[b.length + add.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(add, 0, out, at, add.length);
        System.arraycopy(b, at, out, at + add.length, b.length - at);
        return out;
    }
}
