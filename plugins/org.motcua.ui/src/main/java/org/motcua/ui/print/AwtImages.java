package org.motcua.ui.print;

import java.awt.image.BufferedImage;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;

/** AWT images (PDFBox renders pages as those) as SWT image data; no display needed, so it runs in jobs. */
public final class AwtImages {

    private AwtImages() {
    }

    public static ImageData toSwt(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        ImageData data = new ImageData(w, h, 24, new PaletteData(0xFF0000, 0x00FF00, 0x0000FF));
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            data.setPixels(0, y, w, row, 0);
        }
        return data;
    }
}
