package org.motcua.server.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.motcua.server.persistence.ServerDatabase;

/**
 * Every row of every sync table, as text, so a test can prove that a rejected request stored nothing: take a snapshot
 * before, one after, and compare. The USB import log is left out on purpose (a repeated import writes only there).
 */
public final class DbSnapshot {

    public static final List<String> TABLES = List.of("units", "enrolment_codes", "devices", "device_certificates", "sessions",
            "rekeys", "epochs", "epoch_openings", "batches", "chain_positions", "device_code_counters", "number_leases",
            "blob_uploads", "blob_chunks", "feed_state", "feed_items", "catalogue_publications", "dossiers", "dossier_steps", "dossier_steps_waiting",
            "admin_alerts", "server_keystore", "product_files", "product_releases");

    private final Map<String, List<String>> rows;

    private DbSnapshot(Map<String, List<String>> rows) {
        this.rows = rows;
    }

    public static DbSnapshot of(ServerDatabase db) {
        return of(db, TABLES);
    }

    public static DbSnapshot of(ServerDatabase db, List<String> tables) {
        return of(db, tables, java.util.Set.of());
    }

    /** Leaves out {@code ignored} columns ("table.column", lower case): counters a refused request is meant to move. */
    public static DbSnapshot of(ServerDatabase db, List<String> tables, java.util.Set<String> ignored) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        try (Connection c = db.connection(); Statement st = c.createStatement()) {
            for (String table : tables) {
                List<String> lines = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData md = rs.getMetaData();
                    while (rs.next()) {
                        StringBuilder b = new StringBuilder();
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            if (ignored.contains(table + "." + md.getColumnName(i).toLowerCase())) {
                                continue;
                            }
                            Object v = rs.getObject(i);
                            b.append(md.getColumnName(i).toLowerCase()).append('=')
                                    .append(v instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : String.valueOf(v)).append(';');
                        }
                        lines.add(b.toString());
                    }
                }
                Collections.sort(lines);
                out.put(table, lines);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new DbSnapshot(out);
    }

    public int count(String table) {
        return rows.get(table).size();
    }

    /** The tables whose rows differ from {@code other}'s. */
    public List<String> differences(DbSnapshot other) {
        List<String> out = new ArrayList<>();
        rows.forEach((t, r) -> {
            if (!r.equals(other.rows.get(t))) {
                out.add(t);
            }
        });
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DbSnapshot s && s.rows.equals(rows);
    }

    @Override
    public int hashCode() {
        return rows.hashCode();
    }
}
