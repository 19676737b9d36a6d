package org.motcua.ui.desk;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.IPresentationEngine;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Shell;

/**
 * Where the main window opens. The first time it opens maximized: the commonest commune PC has a 1366×768 screen,
 * and the model's default size left a strip of desktop beside the window. When the desk closes, the window's size
 * and whether it was maximized are kept in {@code window.properties} in the desk's data directory and used at the
 * next start. The application model itself is never saved (product properties {@code persistState=false} and
 * {@code clearPersistedState=true}), so e4 would not remember this by itself.
 */
public final class WindowPlacement {

    static final String FILE = "window.properties";

    /** A remembered placement: the normal (not maximized) bounds and whether the window was maximized. */
    public record Placement(int x, int y, int width, int height, boolean maximized) {
    }

    private final Path file;

    public WindowPlacement(Path dataDirectory) {
        this.file = dataDirectory.resolve(FILE);
    }

    /** The remembered placement; empty the first time, or when the file is unreadable. */
    public Optional<Placement> remembered() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
            Placement placement = new Placement(Integer.parseInt(p.getProperty("x")), Integer.parseInt(p.getProperty("y")),
                    Integer.parseInt(p.getProperty("width")), Integer.parseInt(p.getProperty("height")),
                    Boolean.parseBoolean(p.getProperty("maximized")));
            return placement.width() >= 200 && placement.height() >= 150 ? Optional.of(placement) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Before the window is rendered: maximized the first time, else as it was left. */
    public void apply(MWindow window) {
        Optional<Placement> placement = remembered();
        if (placement.isEmpty() || placement.get().maximized()) {
            if (!window.getTags().contains(IPresentationEngine.WINDOW_MAXIMIZED_TAG)) {
                window.getTags().add(IPresentationEngine.WINDOW_MAXIMIZED_TAG);
            }
        }
        placement.ifPresent(p -> {
            window.setX(p.x());
            window.setY(p.y());
            window.setWidth(p.width());
            window.setHeight(p.height());
        });
    }

    /** When the desk closes: keeps the window's size, and whether it is maximized, for the next start. */
    public void remember(Shell shell) throws IOException {
        remember(shell.getBounds(), shell.getMaximized());
    }

    void remember(Rectangle b, boolean maximized) throws IOException {
        Optional<Placement> before = remembered();
        // A maximized shell reports the screen's bounds: keep the last normal size for when it is restored.
        Placement p = maximized && before.isPresent()
                ? new Placement(before.get().x(), before.get().y(), before.get().width(), before.get().height(), true)
                : new Placement(b.x, b.y, b.width, b.height, maximized);
        Properties props = new Properties();
        props.setProperty("x", Integer.toString(p.x()));
        props.setProperty("y", Integer.toString(p.y()));
        props.setProperty("width", Integer.toString(p.width()));
        props.setProperty("height", Integer.toString(p.height()));
        props.setProperty("maximized", Boolean.toString(p.maximized()));
        Path tmp = file.resolveSibling(FILE + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            props.store(out, "MotCua main window, written when the desk closes");
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
