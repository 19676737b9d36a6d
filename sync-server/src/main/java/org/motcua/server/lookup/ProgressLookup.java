package org.motcua.server.lookup;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.motcua.protocol.json.JsonRejected;
import org.motcua.protocol.json.StrictJson;
import org.motcua.server.Rejection;
import org.motcua.server.persistence.ServerDatabase;
import org.motcua.server.persistence.Sql;
import org.motcua.server.persistence.Tx;

/**
 * Finds a dossier by the code and token a citizen holds. An unknown code and a wrong token end the same way (empty)
 * after the same work: one look-up by code and one constant-time comparison of the token's hash, so neither the
 * answer nor its time tells whether a code exists. Only a right pair reads the dossier's steps.
 */
public final class ProgressLookup {

    /** Statuses after which a dossier is no longer waited for: refused, withdrawn, stopped, done, returned. */
    private static final Set<Integer> ENDED = Set.of(3, 7, 8, 9, 10);
    /** Dossier codes are meant to be unique; a code used twice (an admin alert) is still looked up, within reason. */
    private static final int MAX_SAME_CODE = 4;

    private final ServerDatabase db;
    private final Clock clock;

    public ProgressLookup(ServerDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public Optional<Progress> find(LookupRequest request) throws Rejection {
        return Tx.read(db, c -> find(c, request));
    }

    Optional<Progress> find(Connection c, LookupRequest request) throws SQLException {
        String given = TokenHashes.of(request.token());
        record Candidate(String dossierId, String tokenSha256) {
        }
        List<Candidate> candidates = Sql.list(c, "SELECT dossier_id, lookup_token_sha256 FROM dossiers WHERE dossier_code = ? "
                + "ORDER BY dossier_id FETCH FIRST " + MAX_SAME_CODE + " ROWS ONLY",
                rs -> new Candidate(rs.getString(1), rs.getString(2)), request.code());
        String matched = null;
        if (candidates.isEmpty()) {
            TokenHashes.same(given, null); // the comparison an unknown code would otherwise skip
        }
        for (Candidate k : candidates) {
            if (TokenHashes.same(given, k.tokenSha256()) && matched == null) {
                matched = k.dossierId();
            }
        }
        return matched == null ? Optional.empty() : Optional.of(load(c, matched));
    }

    private Progress load(Connection c, String dossierId) throws SQLException {
        record Row(String unit, String code, String procedure, String field, int status, Instant received, Instant due,
                Instant done, Instant returned) {
        }
        Row d = Sql.one(c, "SELECT unit_code, dossier_code, procedure_code, procedure_field, status, received_at, due_at, done_at, "
                + "returned_at FROM dossiers WHERE dossier_id = ?", rs -> new Row(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getInt(5), Sql.instant(rs, "received_at"), Sql.instant(rs, "due_at"), Sql.instant(rs, "done_at"),
                Sql.instant(rs, "returned_at")), dossierId).orElseThrow(() -> new SQLException("dossier " + dossierId + " vanished"));
        List<Progress.Step> steps = new ArrayList<>();
        if (d.received() != null) {
            steps.add(new Progress.Step(1, "RECEIVE", 2, d.received()));
        }
        steps.addAll(Sql.list(c, "SELECT step, action, status, acted_at FROM dossier_steps WHERE dossier_id = ? ORDER BY step, acted_at",
                rs -> new Progress.Step(rs.getInt(1), rs.getString(2), rs.getInt(3), Sql.instant(rs, "acted_at")), dossierId));
        boolean rated = Sql.count(c, "SELECT COUNT(*) FROM citizen_ratings WHERE dossier_id = ?", dossierId) > 0;
        boolean overdue = d.due() != null && d.done() == null && !ENDED.contains(d.status()) && clock.instant().isAfter(d.due());
        return new Progress(dossierId, d.unit(), d.code(), d.procedure(), procedureName(c, d.procedure()), d.field(), d.status(),
                d.received(), d.due(), d.done(), d.returned(), overdue, steps, rated);
    }

    /** The procedure's name from the province's current published catalogue, if it was ever published. */
    private static String procedureName(Connection c, String procedureCode) throws SQLException {
        Optional<byte[]> data = Sql.one(c, "SELECT data FROM feed_items WHERE item_type = 'procedure' AND item_key = ? "
                + "AND is_current = TRUE", rs -> rs.getBytes(1), procedureCode);
        if (data.isEmpty()) {
            return null;
        }
        try {
            String name = StrictJson.parse(data.get()).path("name").asText("");
            return name.isBlank() ? null : name;
        } catch (JsonRejected e) {
            return null;
        }
    }
}
