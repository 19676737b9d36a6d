package org.motcua.server.api;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One byte range of a representation of {@code size} bytes, from a {@code Range} header (RFC 9110 §14): {@code bytes=N-},
 * {@code bytes=N-M} and {@code bytes=-N}. A desk resuming a cut download asks {@code bytes=<have>-}. Anything else (no
 * header, another unit, several ranges, a malformed or inverted range) is ignored and the whole file served, which the
 * RFC allows and any client understands; a range that starts at or past the end is unsatisfiable (416).
 */
record ByteRange(long first, long last) {

    private static final Pattern SINGLE = Pattern.compile("bytes=(\\d*)-(\\d*)", Pattern.CASE_INSENSITIVE);
    /** More digits than a long holds: a position past any file's end. */
    private static final int MAX_DIGITS = 18;

    /** Thrown for a range that starts past the end: 416 with {@code Content-Range: bytes *}{@code /size}. */
    static final class Unsatisfiable extends Exception {
        private static final long serialVersionUID = 1L;

        Unsatisfiable() {
            super(null, null, false, false);
        }
    }

    long length() {
        return last - first + 1;
    }

    /** The range asked for, or empty for the whole file. */
    static Optional<ByteRange> of(String header, long size) throws Unsatisfiable {
        if (header == null) {
            return Optional.empty();
        }
        Matcher m = SINGLE.matcher(header.strip());
        if (!m.matches() || m.group(1).isEmpty() && m.group(2).isEmpty()) {
            return Optional.empty();
        }
        if (m.group(1).isEmpty()) {
            long suffix = number(m.group(2));
            if (suffix == 0 || size == 0) {
                throw new Unsatisfiable();
            }
            return Optional.of(new ByteRange(Math.max(0, size - suffix), size - 1));
        }
        long first = number(m.group(1));
        long last = m.group(2).isEmpty() ? Long.MAX_VALUE : number(m.group(2));
        if (last < first) {
            return Optional.empty();
        }
        if (first >= size) {
            throw new Unsatisfiable();
        }
        return Optional.of(new ByteRange(first, Math.min(last, size - 1)));
    }

    private static long number(String digits) {
        String d = digits.replaceFirst("^0+(?=\\d)", "");
        return d.length() > MAX_DIGITS ? Long.MAX_VALUE : Long.parseLong(d);
    }
}
