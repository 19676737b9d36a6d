package org.motcua.ui.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.e4.ui.model.application.ui.basic.MBasicFactory;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.IPresentationEngine;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main window opens maximized the first time and as it was left afterwards. */
class WindowPlacementTest {

    @TempDir
    Path dir;

    private static MWindow window() {
        MWindow w = MBasicFactory.INSTANCE.createTrimmedWindow();
        w.setWidth(1180);
        w.setHeight(760);
        return w;
    }

    @Test
    void theFirstStartIsMaximized() {
        MWindow w = window();
        new WindowPlacement(dir).apply(w);
        assertTrue(w.getTags().contains(IPresentationEngine.WINDOW_MAXIMIZED_TAG));
    }

    @Test
    void aWindowLeftAtASizeReopensAtThatSizeAndAMaximizedOneMaximized() throws Exception {
        Display display = Display.getDefault();
        WindowPlacement placement = new WindowPlacement(dir);
        Shell shell = new Shell(display);
        try {
            shell.setBounds(60, 50, 900, 640);
            placement.remember(shell);
            MWindow w = window();
            placement.apply(w);
            assertFalse(w.getTags().contains(IPresentationEngine.WINDOW_MAXIMIZED_TAG));
            assertEquals(900, w.getWidth());
            assertEquals(640, w.getHeight());

            // no window manager under Xvfb honours a maximize request, so say it the way the shell would
            placement.remember(new org.eclipse.swt.graphics.Rectangle(0, 0, 1366, 768), true);
            MWindow again = window();
            placement.apply(again);
            assertTrue(again.getTags().contains(IPresentationEngine.WINDOW_MAXIMIZED_TAG));
            assertEquals(900, again.getWidth(), "the normal size stays for when the officer restores the window");
        } finally {
            shell.dispose();
        }
    }

    @Test
    void anUnreadableFileMeansAFirstStart() throws Exception {
        Files.writeString(dir.resolve(WindowPlacement.FILE), "width=abc");
        MWindow w = window();
        new WindowPlacement(dir).apply(w);
        assertTrue(w.getTags().contains(IPresentationEngine.WINDOW_MAXIMIZED_TAG));
    }
}
