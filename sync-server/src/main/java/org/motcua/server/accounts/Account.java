package org.motcua.server.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.motcua.server.persistence.Sql;

/** One officer account of the province server, without its password hash. */
public record Account(String username, String displayName, Role role, String unitCode, String status, Instant createdAt,
        Instant passwordSetAt, Instant disabledAt) {

    public static final String ACTIVE = "active";
    public static final String DISABLED = "disabled";

    static final String COLUMNS = "username, display_name, role, unit_code, status, created_at, password_set_at, disabled_at";

    static Account map(ResultSet rs) throws SQLException {
        return new Account(rs.getString("username"), rs.getString("display_name"), Role.of(rs.getString("role")),
                rs.getString("unit_code"), rs.getString("status"), Sql.instant(rs, "created_at"),
                Sql.instant(rs, "password_set_at"), Sql.instant(rs, "disabled_at"));
    }

    public boolean active() {
        return ACTIVE.equals(status);
    }

    /** True when this account may see {@code unit}'s data: a province role sees every unit, a commune role its own. */
    public boolean sees(String unit) {
        return !role.communeScoped() || unitCode.equals(unit);
    }
}
