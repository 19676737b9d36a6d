package org.motcua.print.internal;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;
import java.io.IOException;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

/**
 * Draws a QR code as vector squares (no image): sharp at any printer resolution and a few hundred bytes in the PDF.
 * Error correction M survives a fold or a smudge on a slip carried in a pocket. The caller keeps four modules of
 * white around it (the quiet zone scanners need).
 */
final class QrCodeDrawer {

    /** Modules of white a scanner needs around the code. */
    static final int QUIET_MODULES = 4;

    private QrCodeDrawer() {
    }

    /** The module matrix of {@code text} (UTF-8). */
    static ByteMatrix encode(String text) {
        try {
            QRCode code = Encoder.encode(text, ErrorCorrectionLevel.M, Map.of(EncodeHintType.CHARACTER_SET, "UTF-8"));
            return code.getMatrix();
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode a QR code of " + text.length() + " characters", e);
        }
    }

    /** Draws {@code matrix} with its top-left corner at ({@code x}, {@code top}), {@code size} points wide. */
    static void draw(PDPageContentStream s, ByteMatrix matrix, float x, float top, float size) throws IOException {
        int n = matrix.getWidth();
        float module = size / n;
        s.setNonStrokingColor(0f);
        for (int row = 0; row < n; row++) {
            int col = 0;
            while (col < n) {
                if (matrix.get(col, row) != 1) {
                    col++;
                    continue;
                }
                int start = col;
                while (col < n && matrix.get(col, row) == 1) {
                    col++;
                }
                // One rectangle per horizontal run of dark modules keeps the content stream short.
                s.addRect(x + start * module, top - (row + 1) * module, (col - start) * module, module);
            }
        }
        s.fill();
    }
}
