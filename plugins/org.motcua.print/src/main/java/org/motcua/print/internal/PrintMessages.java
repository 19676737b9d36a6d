package org.motcua.print.internal;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import org.motcua.print.PrintOutcome;

/**
 * The officer's sentence for a {@link PrintOutcome}. Read with this bundle's class loader (core's {@code Texts}
 * cannot see another bundle's resources under OSGi) and without falling back to the PC's default locale.
 */
public final class PrintMessages {

    private static final String BUNDLE = "org.motcua.print.messages";

    private PrintMessages() {
    }

    public static String describe(PrintOutcome outcome, Locale locale) {
        return switch (outcome) {
            case PrintOutcome.Printed p -> format(locale, "outcome.printed", p.printer(), p.pages(), p.savedPdf());
            case PrintOutcome.NoPrinter n -> format(locale, "outcome.noPrinter", n.savedPdf());
            case PrintOutcome.PrinterNotFound f -> format(locale, "outcome.printerNotFound", f.printer(),
                    f.available().isEmpty() ? "-" : String.join(", ", f.available()), f.savedPdf());
            case PrintOutcome.Failed f -> format(locale, "outcome.failed", f.printer(), f.reason(), f.savedPdf());
        };
    }

    private static String format(Locale locale, String key, Object... args) {
        ResourceBundle texts = ResourceBundle.getBundle(BUNDLE, locale, PrintMessages.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        Object[] shown = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            shown[i] = args[i] instanceof Number ? args[i] : String.valueOf(args[i]);
        }
        return new MessageFormat(texts.getString(key), locale).format(shown);
    }
}
