package org.motcua.server.feed;

/**
 * A publication file the admin gave is refused: {@code line} (1-based; 0 when the file as a whole is wrong) and the
 * reason, in words an admin can act on. Nothing was stored.
 */
public final class FileRefused extends Exception {

    private final int line;
    private final String reason;

    public FileRefused(int line, String reason) {
        super((line > 0 ? "line " + line + ": " : "") + reason);
        this.line = line;
        this.reason = reason;
    }

    public int line() {
        return line;
    }

    public String reason() {
        return reason;
    }
}
