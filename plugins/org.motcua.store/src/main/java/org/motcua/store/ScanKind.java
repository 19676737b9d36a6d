package org.motcua.store;

import java.util.Optional;

/**
 * The kinds of scan a desk accepts, recognised by their first bytes (never by the file name: a scanner's "scan.pdf"
 * may be anything, and a renamed executable must not pass for a scan).
 */
public enum ScanKind {
    PDF("application/pdf"),
    JPEG("image/jpeg"),
    PNG("image/png"),
    TIFF("image/tiff");

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    /** PDF readers accept the header anywhere in the first 1024 bytes (ISO 32000-1, Annex H.3). */
    private static final int PDF_HEADER_WINDOW = 1024;

    private final String mediaType;

    ScanKind(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    public static Optional<ScanKind> ofMediaType(String mediaType) {
        for (ScanKind k : values()) {
            if (k.mediaType.equals(mediaType)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /** The kind the bytes are, or empty when they are none of them. */
    public static Optional<ScanKind> of(byte[] b) {
        if (startsWith(b, 0, PNG_SIGNATURE)) {
            return Optional.of(PNG);
        }
        if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
            return Optional.of(JPEG);
        }
        if (startsWith(b, 0, new byte[] {'I', 'I', 42, 0}) || startsWith(b, 0, new byte[] {'M', 'M', 0, 42})) {
            return Optional.of(TIFF);
        }
        byte[] pdf = {'%', 'P', 'D', 'F', '-'};
        for (int i = 0; i + pdf.length <= Math.min(b.length, PDF_HEADER_WINDOW); i++) {
            if (startsWith(b, i, pdf)) {
                return Optional.of(PDF);
            }
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] b, int at, byte[] prefix) {
        if (b.length < at + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
