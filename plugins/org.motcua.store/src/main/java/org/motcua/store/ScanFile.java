package org.motcua.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.motcua.core.validation.ValidationException;
import org.motcua.core.validation.Violation;
import org.motcua.protocol.codec.Sha256;

/**
 * A scan chosen by the officer, checked and not yet stored: its bytes, their SHA-256 (its name everywhere: in the
 * store, in events and on the wire), what kind it is by its first bytes, the file name it was chosen under, and the
 * received document it shows ({@code ""} for none). Made only by {@link #of} / {@link #read}, which refuse a file
 * that is empty, too large or not an image or PDF with a Vietnamese message.
 */
public final class ScanFile {

    /** The desk's limit for one scan: far below the contract's {@code maxBlobBytes} (32 MiB), ample for a scanned page set. */
    public static final long MAX_BYTES = 20L * 1024 * 1024;

    private final byte[] bytes;
    private final String sha256;
    private final ScanKind kind;
    private final String fileName;
    private final String document;

    private ScanFile(byte[] bytes, ScanKind kind, String fileName, String document) {
        this.bytes = bytes;
        this.sha256 = Sha256.hex(bytes);
        this.kind = kind;
        this.fileName = fileName;
        this.document = document;
    }

    /** Reads and checks a file; the size is checked before anything is read. */
    public static ScanFile read(Path file) {
        String name = file.getFileName().toString();
        try {
            long size = Files.size(file);
            tooLarge(name, size);
            return of(name, Files.readAllBytes(file));
        } catch (IOException e) {
            throw new ValidationException(Violation.of("scan", "scan.unreadable", name, String.valueOf(e.getMessage())));
        }
    }

    /** Checks bytes received under {@code fileName}. */
    public static ScanFile of(String fileName, byte[] bytes) {
        String name = fileName.length() > 255 ? fileName.substring(fileName.length() - 255) : fileName;
        if (bytes.length == 0) {
            throw new ValidationException(Violation.of("scan", "scan.empty", name));
        }
        tooLarge(name, bytes.length);
        ScanKind kind = ScanKind.of(bytes).orElseThrow(() -> new ValidationException(Violation.of("scan", "scan.notAScan", name)));
        return new ScanFile(bytes, kind, name, "");
    }

    private static void tooLarge(String name, long size) {
        if (size > MAX_BYTES) {
            throw new ValidationException(Violation.of("scan", "scan.tooLarge", name, megabytes(size), megabytes(MAX_BYTES)));
        }
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0)).replace('.', ',');
    }

    /** The same scan shown as {@code document} of the dossier's checklist. */
    public ScanFile forDocument(String document) {
        return new ScanFile(bytes, kind, fileName, document == null ? "" : document);
    }

    public byte[] bytes() {
        return Arrays.copyOf(bytes, bytes.length);
    }

    byte[] bytesShared() {
        return bytes;
    }

    public String sha256() {
        return sha256;
    }

    public ScanKind kind() {
        return kind;
    }

    public long size() {
        return bytes.length;
    }

    public String fileName() {
        return fileName;
    }

    public String document() {
        return document;
    }
}
