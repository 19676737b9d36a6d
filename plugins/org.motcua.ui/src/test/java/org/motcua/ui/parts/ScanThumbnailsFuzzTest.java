package org.motcua.ui.parts;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.eclipse.swt.graphics.ImageData;
import org.junit.jupiter.api.Test;
import org.motcua.core.validation.ValidationException;
import org.motcua.print.FormPreview;
import org.motcua.store.ScanFile;
import org.motcua.store.ScanKind;

/**
 * The desk's scan inputs damaged: real JPEG, PNG, TIFF and PDF files ({@link ScanFileMutations}, seeded;
 * {@code -Dmotcua.fuzz.deskCases=N}, {@code -Dmotcua.fuzz.seed=S}) go through the intake's check ({@link ScanFile#of})
 * and, when it passes them, the thumbnail the desk makes off the UI thread ({@link ScanThumbnails}): each is either
 * refused with the desk's own message or shown with or without a picture, never an exception or an error out of
 * either. Pictures whose header claims tens of thousands of pixels a side get no thumbnail instead of the memory
 * their decoding would take.
 */
class ScanThumbnailsFuzzTest {

    @Test
    void damagedScansAreRefusedOrShownNeverAnErrorOutOfTheCheckOrTheThumbnail() throws Exception {
        int cases = Integer.getInteger("motcua.fuzz.deskCases", 200);
        long seed = Long.getLong("motcua.fuzz.seed", System.nanoTime());
        List<byte[]> originals = originals();
        Random random = new Random(seed);
        int refused = 0;
        int pictures = 0;
        int named = 0;
        for (int i = 0; i < cases; i++) {
            byte[] damaged = ScanFileMutations.mutate(originals.get(i % originals.size()), random);
            String which = "seed " + seed + ", case " + i;
            ScanFile scan;
            try {
                scan = ScanFile.of("quet-" + i + ".bin", damaged);
            } catch (ValidationException e) {
                refused++;
                continue;
            }
            Optional<ImageData> thumbnail = thumbnail(scan.bytes(), scan.kind(), which);
            if (thumbnail.isPresent()) {
                assertTrue(thumbnail.get().width <= 120 && thumbnail.get().height <= 120, which);
                pictures++;
            } else {
                named++;
            }
        }
        System.out.println("scan fuzz: " + cases + " cases (seed " + seed + "), " + refused + " refused at intake, "
                + pictures + " with a thumbnail, " + named + " shown by name only");
    }

    @Test
    void aPictureClaimingHugeDimensionsGetsNoThumbnailRatherThanTheMemory() throws Exception {
        for (int side : new int[] {12_000, 20_000, 30_000, 65_535}) {
            byte[] png = pngClaiming(side, side);
            assertTrue(ScanFile.of("lon.png", png).kind() == ScanKind.PNG);
            assertTrue(thumbnail(png, ScanKind.PNG, side + " px a side").isEmpty(), side + " px a side");
        }
    }

    private static Optional<ImageData> thumbnail(byte[] bytes, ScanKind kind, String which) {
        try {
            return ScanThumbnails.of(bytes, kind, 120);
        } catch (Throwable t) {
            throw new AssertionError(which + ": the thumbnail threw " + t, t);
        }
    }

    /** A photo-like picture as JPEG, PNG and TIFF, and a real PDF page. */
    private static List<byte[]> originals() throws Exception {
        BufferedImage picture = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = picture.createGraphics();
        Random r = new Random(7);
        for (int i = 0; i < 200; i++) {
            g.setColor(new Color(r.nextInt(0xffffff)));
            g.fillRect(r.nextInt(640), r.nextInt(480), 1 + r.nextInt(80), 1 + r.nextInt(80));
        }
        g.dispose();
        List<byte[]> out = new ArrayList<>();
        for (String format : List.of("jpeg", "png", "tiff")) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            assertTrue(ImageIO.write(picture, format, bytes), format);
            out.add(bytes.toByteArray());
        }
        out.add(onePagePdf());
        assertTrue(FormPreview.pageCount(out.get(3)) == 1);
        return out;
    }

    /** A real one-page PDF with some drawing on it, as a scanner's PDF export holds one picture per page. */
    private static byte[] onePagePdf() throws Exception {
        try (org.apache.pdfbox.pdmodel.PDDocument doc = new org.apache.pdfbox.pdmodel.PDDocument()) {
            org.apache.pdfbox.pdmodel.PDPage page = new org.apache.pdfbox.pdmodel.PDPage();
            doc.addPage(page);
            try (org.apache.pdfbox.pdmodel.PDPageContentStream content = new org.apache.pdfbox.pdmodel.PDPageContentStream(doc, page)) {
                for (int i = 0; i < 20; i++) {
                    content.addRect(20 + 25 * i, 40 + 30 * i, 200, 12);
                }
                content.fill();
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.save(bytes);
            return bytes.toByteArray();
        }
    }

    /**
     * Damages a binary file: bits flipped, the end cut off, a range zeroed, random bytes inserted, a range repeated, or
     * a 4-byte field set to a huge number (a width, a length, an offset).
     */
    static final class ScanFileMutations {

        static byte[] mutate(byte[] original, Random r) {
            byte[] b = original.clone();
            for (int n = 1 + r.nextInt(3); n > 0; n--) {
                int at = r.nextInt(b.length);
                switch (r.nextInt(6)) {
                    case 0 -> {
                        for (int i = 0; i < 1 + r.nextInt(8); i++) {
                            b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
                        }
                    }
                    case 1 -> b = java.util.Arrays.copyOf(b, Math.max(1, at));
                    case 2 -> java.util.Arrays.fill(b, at, Math.min(b.length, at + 1 + r.nextInt(256)), (byte) 0);
                    case 3 -> {
                        byte[] add = new byte[1 + r.nextInt(64)];
                        r.nextBytes(add);
                        b = splice(b, at, add);
                    }
                    case 4 -> b = splice(b, at, java.util.Arrays.copyOfRange(b, at, Math.min(b.length, at + 1 + r.nextInt(512))));
                    default -> {
                        if (at + 4 <= b.length) {
                            ByteBuffer.wrap(b, at, 4).putInt(r.nextBoolean() ? Integer.MAX_VALUE : 0xffff);
                        }
                    }
                }
            }
            return b;
        }

        private static byte[] splice(byte[] b, int at, byte[] add) {
            byte[] out = new byte[b.length + add.length];
            System.arraycopy(b, 0, out, 0, at);
            System.arraycopy(add, 0, out, at, add.length);
            System.arraycopy(b, at, out, at + add.length, b.length - at);
            return out;
        }
    }

    /** A valid PNG header (its CRC right) claiming {@code width} × {@code height} RGB pixels, with one tiny data chunk. */
    private static byte[] pngClaiming(int width, int height) {
        ByteBuffer b = ByteBuffer.allocate(8 + 25 + 12 + 12);
        b.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        chunk(b, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0)
                .put((byte) 0).put((byte) 0).array());
        chunk(b, "IDAT", new byte[0]);
        chunk(b, "IEND", new byte[0]);
        return java.util.Arrays.copyOf(b.array(), b.position());
    }

    private static void chunk(ByteBuffer b, String type, byte[] data) {
        b.putInt(data.length);
        byte[] t = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        b.put(t).put(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        b.putInt((int) crc.getValue());
    }
}
