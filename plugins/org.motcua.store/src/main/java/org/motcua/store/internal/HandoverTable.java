package org.motcua.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.motcua.core.dossier.HandoverRecord;
import org.motcua.core.lifecycle.DossierAction;
import org.motcua.core.lifecycle.DossierStatus;
import org.motcua.core.lifecycle.Timeliness;

/** The append-only handover log of each dossier. There is no UPDATE or DELETE on this table anywhere. */
public final class HandoverTable {

    private HandoverTable() {
    }

    public static void append(Connection c, HandoverRecord r) throws SQLException {
        Sql.update(c, "INSERT INTO handover (dossier_id, step, action, status, from_officer, to_officer, at, step_deadline, "
                + "timeliness, new_due_at, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", r.dossierId(), r.step(),
                r.action().name(), r.status().code(), r.fromOfficer(), r.toOfficer(), r.at(), r.stepDeadline(),
                r.timeliness().map(Timeliness::name), r.newDueAt(), r.note());
    }

    public static List<HandoverRecord> of(Connection c, UUID dossierId) throws SQLException {
        List<HandoverRecord> log = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM handover WHERE dossier_id = ? ORDER BY step")) {
            ps.setObject(1, dossierId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String timeliness = rs.getString("timeliness");
                    log.add(new HandoverRecord(dossierId, rs.getInt("step"), DossierAction.valueOf(rs.getString("action")),
                            DossierStatus.fromCode(rs.getInt("status")), rs.getString("from_officer"),
                            rs.getString("to_officer"), rs.getTimestamp("at").toLocalDateTime(),
                            Sql.dateTime(rs, "step_deadline"), Optional.ofNullable(timeliness).map(Timeliness::valueOf),
                            Sql.dateTime(rs, "new_due_at"), rs.getString("note")));
                }
            }
        }
        return log;
    }
}
