package org.motcua.server.updates;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.motcua.server.persistence.Sql;

/**
 * The desk product's files by SHA-256 ({@code product_files}): stored once whatever the number of releases listing
 * them, and read back a range at a time so a download of a 10 MB bundle never holds the whole bundle in memory.
 */
public final class ProductFiles {

    private ProductFiles() {
    }

    /** The stored size of a file, or empty when no release stored it. */
    public static Optional<Long> size(Connection c, String sha256) throws SQLException {
        return Sql.one(c, "SELECT size FROM product_files WHERE sha256 = ?", rs -> rs.getLong(1), sha256);
    }

    /** Stores a file whose hash the caller checked; the caller made sure it is not stored yet. */
    static void store(Connection c, String sha256, byte[] content, Instant now) throws SQLException {
        Sql.update(c, "INSERT INTO product_files (sha256, size, content, stored_at) VALUES (?, ?, ?, ?)", sha256,
                (long) content.length, content, now);
    }

    /**
     * {@code length} bytes of a file from {@code offset} (fewer at its end). SUBSTRING on the column, so the database
     * sends only the range. Its positions are 1-based and INTEGER on PostgreSQL, which a file's 128 MB at most fits.
     */
    public static byte[] read(Connection c, String sha256, long offset, int length) throws SQLException {
        return Sql.one(c, "SELECT SUBSTRING(content FROM ? FOR ?) FROM product_files WHERE sha256 = ?", rs -> rs.getBytes(1),
                Math.toIntExact(offset + 1), length, sha256).orElseThrow(() -> new SQLException("product file " + sha256 + " is gone"));
    }
}
