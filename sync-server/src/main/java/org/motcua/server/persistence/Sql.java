package org.motcua.server.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Small JDBC helpers, so each repository reads as its SQL. Plain JDBC on purpose: the statements are few, both
 * databases take the same standard SQL, and the hot path (batch ingest) needs JDBC batching and nothing in between.
 */
public final class Sql {

    /**
     * A list of strings bound as one array parameter, for {@code col = ANY(?)}: one statement text whatever the list's
     * length (an IN list of n placeholders makes a new statement per n, and its generic plan for 100 parameters was a
     * sequential scan). A statement with such a list is planned for its actual values on every run
     * ({@link Dialect#planForActualValues}).
     */
    public record TextArray(java.util.Collection<String> values) {
    }

    public static TextArray anyOf(java.util.Collection<String> values) {
        return new TextArray(values);
    }

    /** A typed SQL NULL (PostgreSQL wants the type of a null parameter). */
    public record Null(int sqlType) {
    }

    public static final Null NULL_TEXT = new Null(Types.VARCHAR);
    public static final Null NULL_BIGINT = new Null(Types.BIGINT);
    public static final Null NULL_INTEGER = new Null(Types.INTEGER);
    public static final Null NULL_BYTES = new Null(Types.BINARY);
    public static final Null NULL_TIME = new Null(Types.TIMESTAMP_WITH_TIMEZONE);

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private Sql() {
    }

    public static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            return ps.executeUpdate();
        }
    }

    public static <T> Optional<T> one(Connection c, String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(mapper.map(rs)) : Optional.empty();
            }
        }
    }

    public static <T> List<T> list(Connection c, String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
                return out;
            }
        }
    }

    public static long count(Connection c, String sql, Object... params) throws SQLException {
        return one(c, sql, rs -> rs.getLong(1), params).orElse(0L);
    }

    public static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            set(ps, i + 1, params[i]);
        }
    }

    private static void set(PreparedStatement ps, int i, Object v) throws SQLException {
        switch (v) {
            case null -> throw new IllegalArgumentException("use a typed Sql.Null for parameter " + i);
            case Null n -> ps.setNull(i, n.sqlType());
            case TextArray a -> {
                ps.setArray(i, ps.getConnection().createArrayOf("VARCHAR", a.values().toArray(String[]::new)));
                Dialect.planForActualValues(ps);
            }
            case String s -> ps.setString(i, s);
            case Long l -> ps.setLong(i, l);
            case Integer n -> ps.setInt(i, n);
            case Boolean b -> ps.setBoolean(i, b);
            case Double d -> ps.setDouble(i, d);
            case byte[] b -> ps.setBytes(i, b);
            case Instant t -> ps.setObject(i, t.atOffset(ZoneOffset.UTC));
            case OffsetDateTime t -> ps.setObject(i, t);
            case LocalDate d -> ps.setObject(i, d);
            default -> throw new IllegalArgumentException("unsupported parameter type " + v.getClass());
        }
    }

    /** A TIMESTAMP WITH TIME ZONE column as an instant, null when NULL. */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /** An instant, or a typed NULL. */
    public static Object time(Instant t) {
        return t == null ? NULL_TIME : t;
    }

    public static Object text(String s) {
        return s == null ? NULL_TEXT : s;
    }

    public static Object bigint(Long v) {
        return v == null ? NULL_BIGINT : v;
    }

    public static Object integer(Integer v) {
        return v == null ? NULL_INTEGER : v;
    }

    public static Object bytes(byte[] b) {
        return b == null ? NULL_BYTES : b;
    }

    /** Nullable long column. */
    public static Long optLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

}
