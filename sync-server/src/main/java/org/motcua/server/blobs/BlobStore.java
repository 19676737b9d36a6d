package org.motcua.server.blobs;

import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.motcua.protocol.codec.Sha256;
import org.motcua.server.persistence.Sql;

/**
 * Blob bytes and upload state (§6.7, §9), in the database: every instance on one PostgreSQL sees the same bytes, and
 * a chunk and the offset that counts it are committed together, so the offset only ever moves by whole verified
 * chunks. Presence is per unit: a blob counts as present only for the unit of the device that completed it.
 */
public final class BlobStore {

    /** One upload of a unit: its declared length, the bytes durably stored, and whether it is complete. */
    public record Upload(long length, long offset, boolean complete) {
    }

    private BlobStore() {
    }

    /** The subset of {@code hashes} present for {@code unitCode}. */
    public static Set<String> present(Connection c, String unitCode, Collection<String> hashes) throws SQLException {
        return new HashSet<>(Sql.list(c, "SELECT sha256 FROM blob_uploads WHERE unit_code = ? AND complete = TRUE AND sha256 = ANY(?)",
                rs -> rs.getString(1), unitCode, Sql.anyOf(hashes)));
    }

    public static Optional<Upload> upload(Connection c, String unitCode, String sha256) throws SQLException {
        return Sql.one(c, "SELECT upload_length, upload_offset, complete FROM blob_uploads WHERE unit_code = ? AND sha256 = ?",
                rs -> new Upload(rs.getLong(1), rs.getLong(2), rs.getBoolean(3)), unitCode, sha256);
    }

    /** The upload row locked for this transaction (one PATCH per blob at a time). */
    static Optional<Upload> lock(Connection c, String unitCode, String sha256) throws SQLException {
        return Sql.one(c, "SELECT upload_length, upload_offset, complete FROM blob_uploads WHERE unit_code = ? AND sha256 = ? "
                + "FOR UPDATE", rs -> new Upload(rs.getLong(1), rs.getLong(2), rs.getBoolean(3)), unitCode, sha256);
    }

    static void create(Connection c, String unitCode, String sha256, long length, Instant now) throws SQLException {
        Sql.update(c, "INSERT INTO blob_uploads (unit_code, sha256, upload_length, upload_offset, complete, updated_at) "
                + "VALUES (?, ?, ?, 0, FALSE, ?)", unitCode, sha256, length, now);
    }

    static void appendChunk(Connection c, String unitCode, String sha256, long offset, byte[] chunk, Instant now)
            throws SQLException {
        Sql.update(c, "INSERT INTO blob_chunks (unit_code, sha256, chunk_offset, data) VALUES (?, ?, ?, ?)", unitCode, sha256,
                offset, chunk);
        Sql.update(c, "UPDATE blob_uploads SET upload_offset = ?, updated_at = ? WHERE unit_code = ? AND sha256 = ?",
                offset + chunk.length, now, unitCode, sha256);
    }

    /** SHA-256 of the stored chunks in order, read row by row. */
    static String assembledHash(Connection c, String unitCode, String sha256) throws SQLException {
        MessageDigest digest = Sha256.newDigest();
        try (PreparedStatement ps = c.prepareStatement("SELECT data FROM blob_chunks WHERE unit_code = ? AND sha256 = ? "
                + "ORDER BY chunk_offset")) {
            ps.setFetchSize(4);
            Sql.bind(ps, unitCode, sha256);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    digest.update(rs.getBytes(1));
                }
            }
        }
        return Sha256.hexOfDigest(digest.digest());
    }

    static void markComplete(Connection c, String unitCode, String sha256, Instant now) throws SQLException {
        Sql.update(c, "UPDATE blob_uploads SET complete = TRUE, completed_at = ?, updated_at = ? WHERE unit_code = ? AND sha256 = ?",
                now, now, unitCode, sha256);
    }

    /** All stored bytes discarded, offset back to 0 (§6.7 {@code blob-hash-mismatch}). */
    static void reset(Connection c, String unitCode, String sha256, Instant now) throws SQLException {
        Sql.update(c, "DELETE FROM blob_chunks WHERE unit_code = ? AND sha256 = ?", unitCode, sha256);
        Sql.update(c, "UPDATE blob_uploads SET upload_offset = 0, updated_at = ? WHERE unit_code = ? AND sha256 = ?", now,
                unitCode, sha256);
    }

    /**
     * Stores a whole blob whose hash the caller verified (USB import, §11 step 3) as present for the unit, replacing
     * any partial upload of it.
     */
    public static void storeComplete(Connection c, String unitCode, String sha256, byte[] bytes, int chunkBytes, Instant now)
            throws SQLException {
        Sql.update(c, "DELETE FROM blob_chunks WHERE unit_code = ? AND sha256 = ?", unitCode, sha256);
        Sql.update(c, "DELETE FROM blob_uploads WHERE unit_code = ? AND sha256 = ?", unitCode, sha256);
        create(c, unitCode, sha256, bytes.length, now);
        for (int off = 0; off < bytes.length; off += chunkBytes) {
            appendChunk(c, unitCode, sha256, off, java.util.Arrays.copyOfRange(bytes, off, Math.min(bytes.length, off + chunkBytes)), now);
        }
        markComplete(c, unitCode, sha256, now);
    }

    /** The bytes of a present blob (for readers such as the dashboard); empty when not present for the unit. */
    public static Optional<byte[]> read(Connection c, String unitCode, String sha256) throws SQLException {
        Optional<Upload> u = upload(c, unitCode, sha256);
        if (u.isEmpty() || !u.get().complete()) {
            return Optional.empty();
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream((int) Math.min(u.get().length(), Integer.MAX_VALUE));
        for (byte[] chunk : Sql.list(c, "SELECT data FROM blob_chunks WHERE unit_code = ? AND sha256 = ? ORDER BY chunk_offset",
                rs -> rs.getBytes(1), unitCode, sha256)) {
            out.writeBytes(chunk);
        }
        return Optional.of(out.toByteArray());
    }

    /**
     * Deletes partial uploads untouched since {@code cutoff} (§6.7: after {@code partialUploadTtlDays}).
     *
     * @return how many uploads were deleted
     */
    public static int deleteAbandoned(Connection c, Instant cutoff) throws SQLException {
        List<String[]> stale = Sql.list(c, "SELECT unit_code, sha256 FROM blob_uploads WHERE complete = FALSE AND updated_at < ?",
                rs -> new String[] {rs.getString(1), rs.getString(2)}, cutoff);
        for (String[] s : stale) {
            Sql.update(c, "DELETE FROM blob_chunks WHERE unit_code = ? AND sha256 = ?", s[0], s[1]);
            Sql.update(c, "DELETE FROM blob_uploads WHERE unit_code = ? AND sha256 = ?", s[0], s[1]);
        }
        return stale.size();
    }
}
