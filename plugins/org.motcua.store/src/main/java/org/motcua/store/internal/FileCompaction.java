package org.motcua.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * When closing the store rewrites the whole file. H2 writes every commit as a new chunk and frees an old one only
 * when nothing in it is live any more; every write here is forced with CHECKPOINT SYNC, so a desk leaves many chunks
 * with a few live pages, and the 2 s that a normal close spends compacting (MAX_COMPACT_TIME) cannot move them all:
 * a bulk-loaded desk of 300,000 dossiers kept about three quarters of its file as free space. When a large file is
 * less than {@value #LIVE_PERCENT_BELOW}% live, the close runs {@code SHUTDOWN COMPACT} instead, which rewrites only
 * the live data. It runs at the end of a day, when the officer closes the desk, never while anyone waits on the
 * database.
 */
public final class FileCompaction {

    /** Below this file size a normal close keeps up; a full rewrite would only cost time. */
    static final long SMALL_FILE_BYTES = 64L << 20;
    /**
     * Rewrite when live data fill less than this share of the file, in percent. A desk's day of work leaves about a
     * tenth of the file free that H2's own compaction does not win back (store benchmark), so a desk that closes each
     * evening is rewritten every day or two; on 300,000 dossiers that takes about half a minute, windowless.
     */
    static final int LIVE_PERCENT_BELOW = 90;

    private FileCompaction() {
    }

    /** True when most of a large file is free space, as H2 reports it on {@code c}. */
    public static boolean mostlyFree(Connection c) throws SQLException {
        return mostlyFree(info(c, "info.FILE_SIZE"), info(c, "info.FILL_RATE"), info(c, "info.CHUNKS_FILL_RATE"));
    }

    /**
     * @param fillRate       the share of the file taken by chunks, in percent
     * @param chunksFillRate the share of the chunks' bytes that is live, in percent
     */
    static boolean mostlyFree(long fileSize, long fillRate, long chunksFillRate) {
        return fileSize > SMALL_FILE_BYTES && fillRate * chunksFillRate / 100 < LIVE_PERCENT_BELOW;
    }

    /** The file's size and how much of it is live, as H2 reports them, for a log line. */
    public static String state(Connection c) throws SQLException {
        long fillRate = info(c, "info.FILL_RATE");
        long chunksFillRate = info(c, "info.CHUNKS_FILL_RATE");
        return String.format(java.util.Locale.ROOT, "%.0f MB, %d%% of it live (chunks take %d%%, %d%% of them live)",
                info(c, "info.FILE_SIZE") / 1048576.0, fillRate * chunksFillRate / 100, fillRate, chunksFillRate);
    }

    /** Closes the database, rewriting it whole; the connection is closed afterwards. */
    public static void closeCompacting(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SHUTDOWN COMPACT");
        }
    }

    private static long info(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("H2 does not report " + name);
                }
                return Long.parseLong(rs.getString(1).replace("%", "").strip());
            }
        }
    }
}
