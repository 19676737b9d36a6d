package org.motcua.ui.parts;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.eclipse.swt.graphics.ImageData;
import org.motcua.ui.print.AwtImages;

/**
 * Decodes a scanned picture (JPEG, PNG, TIFF; the first page of a TIFF) no larger than it will be shown, from its
 * header first: the dimensions a file claims decide how many of its pixels are read (ImageIO's source subsampling),
 * so a 600 dpi page costs the memory of its thumbnail, and a file claiming absurd dimensions (a damaged header, or a
 * "decompression bomb") is not decoded at all. Decoding the whole picture first, as SWT's own loader does, allocated
 * 432 MB for a 12,000 px square PNG found by {@code ScanThumbnailsFuzzTest}, and a larger one ends the desk's memory.
 */
final class ScanPictures {

    /** More than any scan a desk takes (a 600 dpi A3 page is about 70 million pixels). */
    static final long MAX_PIXELS = 200_000_000L;
    /** A picture ImageIO reads the header of but cannot decode (a CMYK JPEG) is decoded whole by SWT up to this size. */
    static final long MAX_WHOLE_PIXELS = 40_000_000L;

    private ScanPictures() {
    }

    /** The picture, at least {@code box} pixels on its longer side when it is that large; empty when it cannot be. */
    static Optional<ImageData> fitting(byte[] bytes, int box) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (in == null || !readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long width = reader.getWidth(0);
                long height = reader.getHeight(0);
                if (width <= 0 || height <= 0 || width * height > MAX_PIXELS) {
                    return Optional.empty();
                }
                int step = (int) Math.max(1, Math.max(width, height) / Math.max(1, box));
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceSubsampling(step, step, 0, 0);
                try {
                    BufferedImage picture = reader.read(0, param);
                    return Optional.of(AwtImages.toSwt(picture));
                } catch (Exception decoding) {
                    return width * height <= MAX_WHOLE_PIXELS ? Optional.of(new ImageData(new ByteArrayInputStream(bytes)))
                            : Optional.empty();
                }
            } finally {
                reader.dispose();
            }
        } catch (Exception | LinkageError e) {
            return Optional.empty();
        }
    }
}
