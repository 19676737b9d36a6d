package org.motcua.print.internal;

import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * Liberation Serif (metric-compatible with Times New Roman, full Vietnamese coverage, SIL OFL) as shipped inside
 * this bundle under {@value #DIRECTORY}: the build unpacks it from Maven Central's
 * {@code com.github.librepdf:openpdf-fonts-extra}, so no PC needs any font installed.
 *
 * <p>Parsed once per JVM and kept: parsing a 380 KB TrueType file costs more than laying out a whole receipt.
 * Each document embeds its own subset of these parsed fonts. fontbox reads glyph data lazily from a shared
 * buffer, so documents are built one at a time under {@link #lock()}. Advance widths are read once into arrays
 * here, so measuring text is an array lookup.
 */
public final class BundledFonts {

    public static final String DIRECTORY = "/org/motcua/print/fonts/liberation/";

    private static volatile BundledFonts loaded;

    private final Map<Face, TrueTypeFont> fonts;
    private final Map<Face, short[]> widths;
    private final boolean[] covered;
    /** Fair: a receipt asked for at the counter waits for at most one warm-up document, never for a run of them. */
    private final ReentrantLock lock = new ReentrantLock(true);

    private BundledFonts(Map<Face, TrueTypeFont> fonts, Map<Face, short[]> widths, boolean[] covered) {
        this.fonts = fonts;
        this.widths = widths;
        this.covered = covered;
    }

    /** The fonts, loaded on first use. */
    public static BundledFonts get() throws IOException {
        BundledFonts f = loaded;
        if (f == null) {
            synchronized (BundledFonts.class) {
                f = loaded;
                if (f == null) {
                    f = load();
                    loaded = f;
                }
            }
        }
        return f;
    }

    private static BundledFonts load() throws IOException {
        Map<Face, TrueTypeFont> fonts = new EnumMap<>(Face.class);
        Map<Face, short[]> widths = new EnumMap<>(Face.class);
        boolean[] covered = new boolean[0x10000];
        for (Face face : Face.values()) {
            byte[] bytes;
            try (InputStream in = BundledFonts.class.getResourceAsStream(DIRECTORY + face.file())) {
                if (in == null) {
                    throw new IOException("font " + DIRECTORY + face.file() + " is missing from org.motcua.print;"
                            + " the build unpacks it from com.github.librepdf:openpdf-fonts-extra");
                }
                bytes = in.readAllBytes();
            }
            TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(bytes));
            // No ligatures or other substitutions: official papers do not use them, and the text a PDF reader
            // extracts must be exactly the text that was printed.
            ttf.setEnableGsub(false);
            fonts.put(face, ttf);
            widths.put(face, readWidths(ttf, face == Face.REGULAR ? covered : null));
        }
        return new BundledFonts(fonts, widths, covered);
    }

    /**
     * Advance widths in thousandths of the font size for every BMP character, rounded as PDFBox rounds the widths
     * it writes into the PDF, so what is measured here is what a reader positions.
     */
    private static short[] readWidths(TrueTypeFont ttf, boolean[] coverage) throws IOException {
        CmapLookup cmap = ttf.getUnicodeCmapLookup();
        float scale = 1000f / ttf.getUnitsPerEm();
        short[] w = new short[0x10000];
        for (int c = 0; c < w.length; c++) {
            int gid = cmap.getGlyphId(c);
            if (gid > 0) {
                w[c] = (short) Math.round(ttf.getAdvanceWidth(gid) * scale);
                if (coverage != null) {
                    coverage[c] = true;
                }
            }
        }
        return w;
    }

    TrueTypeFont font(Face face) {
        return fonts.get(face);
    }

    /** Documents are built one at a time under this lock (see the class comment). */
    public ReentrantLock lock() {
        return lock;
    }

    /** Width of {@code text} (already {@linkplain #printable printable}) in points at {@code size}. */
    public float width(String text, Face face, float size) {
        short[] w = widths.get(face);
        int sum = 0;
        for (int i = 0; i < text.length(); i++) {
            sum += w[text.charAt(i)];
        }
        return sum * size / 1000f;
    }

    /**
     * {@code text} as it can be printed: composed (NFC, so "ẫ" is the one precomposed glyph the font has, not
     * a letter with two floating marks), controls and tabs as spaces, and any character the font lacks (emoji,
     * rare CJK) as "?", so a strange character in a name never stops a receipt.
     */
    public String printable(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String s = Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\n') {
                out.append('\n');
            } else if (Character.isISOControl(cp)) {
                out.append(' ');
            } else {
                out.append(cp < covered.length && covered[cp] ? (char) cp : '?');
            }
        }
        return out.toString();
    }
}
