package org.motcua.ui.desk;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;

/**
 * Turns GTK's animations off for the desk. GTK 3 animates every programmatic scroll of a tree view over 200 ms
 * (the scrolled window's adjustments follow {@code gtk-enable-animations}): a jump in the 300,000-row dossier list
 * then passed through the rows between, each asking for its page, and reached its row only when the animation
 * ended. An officer jumping to a dossier wants it at once, and a 2-core commune PC has no CPU to spare for motion.
 * SWT has no public switch for it, so this sets the GtkSettings property through SWT's own GTK bindings; on other
 * window systems (Windows, where nothing animates the table's scroll) it does nothing.
 */
public final class GtkAnimations {

    private static final System.Logger LOG = System.getLogger(GtkAnimations.class.getName());
    private static final byte[] PROPERTY = "gtk-enable-animations\0".getBytes(StandardCharsets.US_ASCII);

    private GtkAnimations() {
    }

    /** Idempotent; call on the display's thread before the first table is shown. */
    public static void turnOff(Display display) {
        if (!"gtk".equals(SWT.getPlatform()) || display.isDisposed()) {
            return;
        }
        try {
            ClassLoader swt = Display.class.getClassLoader();
            Method settings = Class.forName("org.eclipse.swt.internal.gtk.GTK", true, swt).getMethod("gtk_settings_get_default");
            Method set = Class.forName("org.eclipse.swt.internal.gtk.OS", true, swt)
                    .getMethod("g_object_set", long.class, byte[].class, boolean.class, long.class);
            long handle = (long) settings.invoke(null);
            if (handle != 0) {
                set.invoke(null, handle, PROPERTY, false, 0L);
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // Only motion is lost: the list still works, its jumps just take GTK's 200 ms animation.
            LOG.log(System.Logger.Level.WARNING, "could not turn GTK animations off: " + e);
        }
    }
}
