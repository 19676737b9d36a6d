package org.motcua.ui.parts;

import java.util.Optional;
import org.eclipse.swt.graphics.ImageData;
import org.motcua.print.FormPreview;
import org.motcua.store.ScanKind;
import org.motcua.ui.print.AwtImages;

/**
 * A scan's thumbnail as plain image data (built off the UI thread; the caller makes and disposes the SWT image): the
 * picture itself for JPEG, PNG and TIFF (the first page of a multi-page TIFF), the first page rendered for a PDF,
 * scaled to fit a square box ({@link ScanPictures}: only as many pixels as the box needs are read). Empty when the file
 * cannot be decoded (it passed the check of its first bytes, but may still be damaged, or claim absurd dimensions):
 * the strip then shows its name without a picture.
 */
final class ScanThumbnails {

    /** Enough for a thumbnail of an A4 page 120 px high. */
    private static final float PDF_DPI = 12;

    private ScanThumbnails() {
    }

    static Optional<ImageData> of(byte[] bytes, ScanKind kind, int box) {
        try {
            Optional<ImageData> decoded = kind == ScanKind.PDF ? Optional.of(AwtImages.toSwt(FormPreview.render(bytes, 0, PDF_DPI)))
                    : ScanPictures.fitting(bytes, box);
            if (decoded.isEmpty()) {
                return Optional.empty();
            }
            ImageData full = decoded.get();
            double scale = Math.min(1.0, (double) box / Math.max(full.width, full.height));
            return Optional.of(full.scaledTo(Math.max(1, (int) (full.width * scale)), Math.max(1, (int) (full.height * scale))));
        } catch (Exception | LinkageError e) {
            return Optional.empty();
        }
    }
}
