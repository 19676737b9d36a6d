package org.motcua.server.registry;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.motcua.server.persistence.Sql;

/** The commune units devices belong to. */
public final class Units {

    /** A unit code like {@code 000.17.22.H56}: the shape dossier codes start with. */
    public static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("\\d{3}\\.\\d{2}\\.\\d{2}\\.[A-Z]\\d{2}");

    private Units() {
    }

    public static Optional<String> name(Connection c, String unitCode) throws SQLException {
        return Sql.one(c, "SELECT unit_name FROM units WHERE unit_code = ?", rs -> rs.getString(1), unitCode);
    }

    /** Creates the unit, or renames it when {@code name} is given and differs. */
    public static void upsert(Connection c, String unitCode, String name, Instant now) throws SQLException {
        Optional<String> existing = name(c, unitCode);
        if (existing.isEmpty()) {
            Sql.update(c, "INSERT INTO units (unit_code, unit_name, created_at) VALUES (?, ?, ?)", unitCode, name, now);
        } else if (!existing.get().equals(name)) {
            Sql.update(c, "UPDATE units SET unit_name = ? WHERE unit_code = ?", name, unitCode);
        }
    }

    /** One registered unit. */
    public record Unit(String code, String name) {
    }

    public static java.util.List<Unit> all(Connection c) throws SQLException {
        return Sql.list(c, "SELECT unit_code, unit_name FROM units ORDER BY unit_code", rs -> new Unit(rs.getString(1), rs.getString(2)));
    }

    /** Locks the unit's row: device numbers are assigned one enrolment at a time per unit. */
    public static void lock(Connection c, String unitCode) throws SQLException {
        Sql.one(c, "SELECT unit_code FROM units WHERE unit_code = ? FOR UPDATE", rs -> rs.getString(1), unitCode);
    }
}
