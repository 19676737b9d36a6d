package org.motcua.print;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;

/**
 * A finished form: the PDF bytes, ready to preview, print or save.
 *
 * @param fileName a file name made of ASCII letters, digits, dots and dashes, e.g.
 *                 {@code mau01-000.00.99.H99-260309-0001.pdf}
 */
public record PrintedForm(FormKind kind, byte[] pdf, int pages, String fileName) {

    public PrintedForm {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(pdf, "pdf");
        Objects.requireNonNull(fileName, "fileName");
    }

    /**
     * Writes the PDF into {@code directory} (created when missing) under {@link #fileName()}, replacing an older
     * file of that name. Written to a temporary file first, so a reader never sees half a PDF.
     */
    public Path saveTo(Path directory) throws IOException {
        Files.createDirectories(directory);
        Path target = directory.resolve(fileName);
        Path partial = Files.createTempFile(directory, ".partial-", ".pdf");
        try {
            Files.write(partial, pdf);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
        return target;
    }
}
