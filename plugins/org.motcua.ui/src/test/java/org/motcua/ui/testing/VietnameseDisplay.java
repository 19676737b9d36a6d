package org.motcua.ui.testing;

import java.util.Locale;
import org.eclipse.swt.widgets.Display;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For SWT tests: the default locale is Vietnamese while the test class runs (so the desk speaks as it does at the
 * commune), and the one SWT {@link Display} of the test JVM exists. Use with
 * {@code @ExtendWith(VietnameseDisplay.class)} and {@link #display()}.
 */
public final class VietnameseDisplay implements BeforeAllCallback, AfterAllCallback {

    private Locale previous;

    @Override
    public void beforeAll(ExtensionContext context) {
        previous = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("vi-VN"));
        Display.getDefault();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Locale.setDefault(previous);
    }

    /** The test JVM's display; call from the test thread, which is SWT's UI thread here. */
    public static Display display() {
        return Display.getDefault();
    }
}
