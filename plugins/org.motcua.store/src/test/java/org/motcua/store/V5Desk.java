package org.motcua.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.motcua.core.catalogue.Procedure;
import org.motcua.core.dossier.Applicant;
import org.motcua.core.dossier.Dossier;
import org.motcua.core.dossier.HandoverRecord;
import org.motcua.core.dossier.IntakeRequest;
import org.motcua.core.identity.CitizenId;
import org.motcua.core.lifecycle.DossierAction;
import org.motcua.core.lifecycle.DossierStatus;
import org.motcua.core.numbering.DossierCode;
import org.motcua.core.text.VietnameseText;
import org.motcua.store.internal.AuditChain;
import org.motcua.store.internal.CatalogueTable;
import org.motcua.store.internal.Sql;

/**
 * Writes a desk database exactly as the code before sync part 1 did (schema V5): dossiers without lookup tokens, and
 * outbox rows whose payloads are Jackson maps with local times and whose links are
 * {@code SHA-256(prev ":" seq ":" payloadHash)}. The re-chain migration is tested against such a database.
 */
final class V5Desk {

    private static final ObjectMapper OLD_JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private V5Desk() {
    }

    /** Runs the scripts V1..V5 only. */
    static void migrateToV5(DataSource ds) {
        Flyway.configure(Flyway.class.getClassLoader()).dataSource(ds).resourceProvider(new BundledMigrations())
                .target("5").load().migrate();
    }

    static void device(Connection c, UUID deviceId) throws SQLException {
        Sql.update(c, "INSERT INTO device (device_id, unit_code, unit_name, device_number) VALUES (?, ?, ?, 1)", deviceId,
                StoreFixture.UNIT, "UBND xã Mẫu");
        CatalogueTable.addMissing(c, StoreFixture.CATALOGUE.current());
    }

    /** Receives a dossier the old way: dossier row, documents, first handover, old-style outbox event. */
    static Dossier receive(Connection c, IntakeRequest r, int sequence, LocalDateTime now) throws Exception {
        Procedure p = r.procedure();
        Dossier d = new Dossier(UUID.randomUUID(), new DossierCode(StoreFixture.UNIT, r.receivedAt().toLocalDate(), sequence),
                p.code(), p.version(), p.fieldCode(), r.applicant(), r.documents(), r.sets(), r.channel(), r.delivery(),
                r.receivedAt(), r.receivedAt().plusDays(5), Optional.empty(), "2026-M1", sequence, DossierStatus.RECEIVED,
                r.receivedBy(), r.assistance(), r.note());
        Applicant a = d.applicant();
        Sql.update(c, "INSERT INTO dossier (id, code, code_tail, procedure_code, procedure_version, field_code, applicant_kind, "
                + "applicant_name, applicant_name_folded, citizen_id, birth_date, phone, phone_digits, email, province, commune, "
                + "address_detail, sets, channel, delivery, received_at, due_at, register_book, register_entry, status, "
                + "received_by, note, row_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                + "?, ?, ?, 1)", d.id(), d.code().format(), d.code().format().substring(14), d.procedureCode(),
                d.procedureVersion(), d.fieldCode(), a.kind().name(), a.fullName(), VietnameseText.fold(a.fullName()),
                a.citizenId().map(CitizenId::digits), a.birthDate(), a.phone(), a.phone(), a.email(), a.address().province(),
                a.address().commune(), a.address().detail(), d.sets(), d.channel().code(), d.delivery().name(), d.receivedAt(),
                d.dueAt(), d.registerBook(), d.registerEntry(), d.status().code(), d.receivedBy(), d.note());
        for (int i = 0; i < d.documents().size(); i++) {
            Sql.update(c, "INSERT INTO dossier_document (dossier_id, position, name, form, doc_count) VALUES (?, ?, ?, ?, ?)",
                    d.id(), i + 1, d.documents().get(i).name(), d.documents().get(i).form().name(), d.documents().get(i).count());
        }
        Sql.update(c, "MERGE INTO day_counter (receipt_date, last_sequence) KEY (receipt_date) VALUES (?, ?)",
                d.code().receiptDate(), sequence);
        Sql.update(c, "MERGE INTO register_counter (book, last_entry) KEY (book) VALUES (?, ?)", d.registerBook(), sequence);
        HandoverRecord first = new HandoverRecord(d.id(), 1, DossierAction.RECEIVE, DossierStatus.RECEIVED, "", d.receivedBy(),
                d.receivedAt(), Optional.empty(), Optional.empty(), Optional.empty(), d.note());
        handover(c, first);
        outbox(c, "DossierReceived", d.id(), now, oldReceived(d, first));
        return d;
    }

    /** An action the old way (handover row and old-style outbox event). */
    static void action(Connection c, Dossier d, HandoverRecord r, LocalDateTime now) throws Exception {
        handover(c, r);
        Sql.update(c, "UPDATE dossier SET status = ? WHERE id = ?", r.status().code(), d.id());
        outbox(c, "DossierActionTaken", d.id(), now, oldAction(d.code().format(), r));
    }

    private static void handover(Connection c, HandoverRecord r) throws SQLException {
        Sql.update(c, "INSERT INTO handover (dossier_id, step, action, status, from_officer, to_officer, at, step_deadline, "
                + "timeliness, new_due_at, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", r.dossierId(), r.step(),
                r.action().name(), r.status().code(), r.fromOfficer(), r.toOfficer(), r.at(), r.stepDeadline(),
                r.timeliness().map(Enum::name), r.newDueAt(), r.note());
    }

    private static void outbox(Connection c, String type, UUID aggregateId, LocalDateTime at, byte[] payload)
            throws SQLException {
        long seq = 1;
        String prev = AuditChain.GENESIS;
        try (PreparedStatement ps = c.prepareStatement("SELECT device_seq, hash FROM outbox ORDER BY device_seq DESC LIMIT 1");
                ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                seq = rs.getLong(1) + 1;
                prev = rs.getString(2);
            }
        }
        String ph = AuditChain.payloadHash(payload);
        Sql.update(c, "INSERT INTO outbox (device_seq, event_id, event_type, aggregate_id, created_at, payload, payload_hash, "
                + "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", seq, UUID.randomUUID(), type, aggregateId, at, payload,
                ph, prev, AuditChain.link(prev, seq, ph));
    }

    /** The old EventPayloads.dossierReceived, verbatim in what it wrote. */
    private static byte[] oldReceived(Dossier d, HandoverRecord first) throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schema", 1);
        m.put("dossierId", d.id().toString());
        m.put("code", d.code().format());
        m.put("procedure", Map.of("code", d.procedureCode(), "version", d.procedureVersion(), "field", d.fieldCode()));
        Applicant a = d.applicant();
        Map<String, Object> am = new LinkedHashMap<>();
        am.put("kind", a.kind().name());
        am.put("fullName", a.fullName());
        am.put("citizenId", a.citizenId().map(CitizenId::digits).orElse(""));
        am.put("birthDate", a.birthDate().map(Object::toString).orElse(""));
        am.put("phone", a.phone());
        am.put("email", a.email());
        am.put("address", Map.of("province", a.address().province(), "commune", a.address().commune(),
                "detail", a.address().detail()));
        m.put("applicant", am);
        m.put("documents", d.documents().stream()
                .map(doc -> Map.of("name", doc.name(), "form", doc.form().name(), "count", doc.count())).toList());
        m.put("sets", d.sets());
        m.put("channel", d.channel().code());
        m.put("delivery", d.delivery().name());
        m.put("receivedAt", d.receivedAt().toString());
        m.put("dueAt", d.dueAt().toString());
        m.put("register", Map.of("book", d.registerBook(), "entry", d.registerEntry()));
        m.put("status", d.status().code());
        m.put("receivedBy", d.receivedBy());
        m.put("note", d.note());
        m.put("handover", List.of(Map.of("step", first.step(), "action", first.action().name(), "at", first.at().toString(),
                "to", first.toOfficer())));
        return OLD_JSON.writeValueAsBytes(m);
    }

    /** The old EventPayloads.actionTaken. */
    private static byte[] oldAction(String code, HandoverRecord r) throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schema", 1);
        m.put("dossierId", r.dossierId().toString());
        m.put("code", code);
        m.put("step", r.step());
        m.put("action", r.action().name());
        m.put("status", r.status().code());
        m.put("from", r.fromOfficer());
        m.put("to", r.toOfficer());
        m.put("at", r.at().toString());
        r.stepDeadline().ifPresent(d -> m.put("stepDeadline", d.toString()));
        r.timeliness().ifPresent(t -> m.put("timeliness", t.name()));
        r.newDueAt().ifPresent(d -> m.put("newDueAt", d.toString()));
        m.put("note", r.note());
        return OLD_JSON.writeValueAsBytes(m);
    }
}
