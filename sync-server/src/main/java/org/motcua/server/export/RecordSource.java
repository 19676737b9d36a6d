package org.motcua.server.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.motcua.protocol.events.DossierActionTaken;
import org.motcua.protocol.events.DossierReceived;
import org.motcua.protocol.feed.ProcedureData;
import org.motcua.protocol.json.SchemaInvalid;
import org.motcua.server.persistence.Sql;
import org.motcua.server.registry.Units;

/**
 * Builds an outbox row's record from the events as stored ({@code chain_positions} keeps every accepted payload
 * verbatim): the reception, the dossier's steps up to the row's, the unit's name and the procedure's current name.
 */
final class RecordSource {

    /** A record ready to deliver: which service, the unit it is sent for, whether it replaces an earlier one. */
    record Record(String service, String unitCode, boolean updating, ObjectNode data) {
    }

    /** A stored event this version cannot turn into a record (a schema no longer read); the row waits for a fix. */
    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private RecordSource() {
    }

    static Record build(Connection c, OutboxRows.Row row) throws SQLException, Unreadable {
        String receptionEvent = Sql.one(c, "SELECT event_id FROM export_outbox WHERE dossier_id = ? AND ordinal = 0",
                rs -> rs.getString(1), row.dossierId()).orElseThrow(() -> new Unreadable("no reception for " + row.key()));
        DossierReceived received = read(c, receptionEvent, DossierReceived.class);
        NationalRecords.Facts facts = new NationalRecords.Facts(received,
                Units.name(c, received.unitCode()).orElse(received.unitCode()), procedureName(c, received.procedure().code()));
        if (row.ordinal() == 0) {
            return new Record(NationalRecords.DOSSIER_SERVICE, received.unitCode(), false, NationalRecords.dossier(facts, List.of()));
        }
        int step = row.ordinal() / 2;
        if (row.ordinal() % 2 == 1) {
            // A step that arrives after a later step's update was sent (another device's chain, or a late USB file) must
            // not send the portal an older state as the newest: its update shows the dossier as of that later step.
            int sentUpTo = Sql.one(c, "SELECT MAX(ordinal) FROM export_outbox WHERE dossier_id = ? AND sent_at IS NOT NULL "
                    + "AND MOD(ordinal, 2) = 1", rs -> rs.getInt(1), row.dossierId()).orElse(0) / 2;
            step = Math.max(step, sentUpTo);
        }
        List<NationalRecords.Step> steps = new java.util.ArrayList<>();
        for (Object[] s : Sql.list(c, "SELECT s.event_id, p.payload FROM dossier_steps s JOIN chain_positions p "
                + "ON p.first_event_id = s.event_id WHERE s.dossier_id = ? AND s.step <= ? ORDER BY s.step, s.acted_at, s.event_id",
                rs -> new Object[] {rs.getString(1), rs.getBytes(2)}, row.dossierId(), step)) {
            steps.add(new NationalRecords.Step((String) s[0], parse((byte[]) s[1], DossierActionTaken.class)));
        }
        if (row.ordinal() % 2 == 1) {
            return new Record(NationalRecords.DOSSIER_SERVICE, received.unitCode(), true, NationalRecords.dossier(facts, steps));
        }
        NationalRecords.Step own = steps.stream().filter(s -> s.eventId().equals(row.eventId())).findFirst()
                .orElseThrow(() -> new Unreadable("step event " + row.eventId() + " not stored"));
        return new Record(NationalRecords.PROGRESS_SERVICE, received.unitCode(), false, NationalRecords.progress(facts, steps, own));
    }

    /** The procedure's name in the province's current catalogue; the code itself when none was published. */
    private static String procedureName(Connection c, String code) throws SQLException {
        return Sql.one(c, "SELECT data FROM feed_items WHERE item_type = ? AND item_key = ? AND is_current = TRUE",
                rs -> rs.getBytes(1), ProcedureData.ITEM_TYPE, code).map(bytes -> {
                    try {
                        return JSON.readTree(bytes).path("name").asText(code);
                    } catch (IOException e) {
                        return code;
                    }
                }).orElse(code);
    }

    private static <T> T read(Connection c, String eventId, Class<T> type) throws SQLException, Unreadable {
        byte[] payload = Sql.one(c, "SELECT payload FROM chain_positions WHERE first_event_id = ?", rs -> rs.getBytes(1), eventId)
                .orElseThrow(() -> new Unreadable("event " + eventId + " not stored"));
        return parse(payload, type);
    }

    private static <T> T parse(byte[] payload, Class<T> type) throws Unreadable {
        try {
            JsonNode node = JSON.readTree(payload);
            Object value = type == DossierReceived.class ? DossierReceived.read(node) : DossierActionTaken.read(node);
            return type.cast(value);
        } catch (IOException | SchemaInvalid e) {
            throw new Unreadable("a stored payload no longer reads: " + e.getMessage());
        }
    }
}
