package org.motcua.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.motcua.core.catalogue.DocumentForm;
import org.motcua.core.dossier.Address;
import org.motcua.core.dossier.Applicant;
import org.motcua.core.dossier.ApplicantKind;
import org.motcua.core.dossier.AuthorisedPerson;
import org.motcua.core.dossier.Channel;
import org.motcua.core.dossier.Dossier;
import org.motcua.core.dossier.FieldAssistance;
import org.motcua.core.dossier.ReceivedDocument;
import org.motcua.core.dossier.ResultDelivery;
import org.motcua.core.identity.CitizenId;
import org.motcua.core.lifecycle.DossierStatus;
import org.motcua.core.numbering.DossierCode;
import org.motcua.core.text.VietnameseText;

/** Rows of {@code dossier}, {@code dossier_document} and {@code dossier_name_word}, to and from {@link Dossier}. */
public final class DossierTable {

    private static final String INSERT = "INSERT INTO dossier (id, code, code_tail, procedure_code, procedure_version, field_code, "
            + "applicant_kind, applicant_name, applicant_name_folded, citizen_id, birth_date, phone, phone_digits, email, "
            + "province, commune, address_detail, authorised_name, authorised_citizen_id, authorised_phone, sets, channel, "
            + "delivery, received_at, due_at, finished_at, register_book, register_entry, status, received_by, assistant, "
            + "assisted_place, note, lookup_token, row_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)";

    private DossierTable() {
    }

    /** @param lookupToken the token printed on the receipt, stored so every reprint shows the same */
    public static void insert(Connection c, Dossier d, String lookupToken) throws SQLException {
        Applicant a = d.applicant();
        Optional<AuthorisedPerson> auth = a.authorised();
        Sql.update(c, INSERT, d.id(), d.code().format(), codeTail(d.code().format()), d.procedureCode(), d.procedureVersion(), d.fieldCode(),
                a.kind().name(), a.fullName(), VietnameseText.fold(a.fullName()), a.citizenId().map(CitizenId::digits),
                a.birthDate(), a.phone(), digits(a.phone()), a.email(), a.address().province(), a.address().commune(),
                a.address().detail(), auth.map(AuthorisedPerson::fullName),
                auth.flatMap(AuthorisedPerson::citizenId).map(CitizenId::digits), auth.map(AuthorisedPerson::phone),
                d.sets(), d.channel().code(), d.delivery().name(), d.receivedAt(), d.dueAt(), d.finishedAt(),
                d.registerBook(), d.registerEntry(), d.status().code(), d.receivedBy(),
                d.assistance().map(FieldAssistance::assistant), d.assistance().map(FieldAssistance::place), d.note(), lookupToken);
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO dossier_document (dossier_id, position, name, form, doc_count) VALUES (?, ?, ?, ?, ?)")) {
            for (int i = 0; i < d.documents().size(); i++) {
                ReceivedDocument doc = d.documents().get(i);
                Sql.bind(ps, d.id(), i + 1, doc.name(), doc.form().name(), doc.count());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO dossier_name_word (word, dossier_id) VALUES (?, ?)")) {
            for (String word : nameWords(a.fullName())) {
                Sql.bind(ps, word, d.id());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The distinct folded words of a name, each cut to the column's width. */
    static Set<String> nameWords(String name) {
        Set<String> words = new LinkedHashSet<>();
        for (String w : VietnameseText.fold(name).split(" ")) {
            if (!w.isEmpty()) {
                words.add(w.length() > 60 ? w.substring(0, 60) : w);
            }
        }
        return words;
    }

    /** "000.17.22.H56-210531-0001" → "210531-0001". */
    public static String codeTail(String code) {
        return code.substring(code.length() - 11);
    }

    public static String digits(String phone) {
        return phone.replaceAll("\\D", "");
    }

    /** The dossier on the current row of a {@code SELECT * FROM dossier}, with its documents. */
    public static Dossier read(Connection c, ResultSet rs) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        String authorisedName = rs.getString("authorised_name");
        Optional<AuthorisedPerson> authorised = authorisedName == null ? Optional.empty()
                : Optional.of(new AuthorisedPerson(authorisedName, citizenId(rs.getString("authorised_citizen_id")),
                        rs.getString("authorised_phone")));
        Applicant applicant = new Applicant(ApplicantKind.valueOf(rs.getString("applicant_kind")),
                rs.getString("applicant_name"), citizenId(rs.getString("citizen_id")), Sql.date(rs, "birth_date"),
                rs.getString("phone"), rs.getString("email"), new Address(rs.getString("province"),
                        rs.getString("commune"), rs.getString("address_detail")), authorised);
        String assistant = rs.getString("assistant");
        String place = rs.getString("assisted_place");
        Optional<FieldAssistance> assistance = assistant == null ? Optional.empty()
                : Optional.of(new FieldAssistance(assistant, place == null ? "" : place));
        return new Dossier(id, DossierCode.parse(rs.getString("code")), rs.getString("procedure_code"),
                rs.getInt("procedure_version"), rs.getString("field_code"), applicant, documents(c, id),
                rs.getInt("sets"), Channel.fromCode(rs.getInt("channel")), ResultDelivery.valueOf(rs.getString("delivery")),
                rs.getTimestamp("received_at").toLocalDateTime(), rs.getTimestamp("due_at").toLocalDateTime(),
                Sql.dateTime(rs, "finished_at"), rs.getString("register_book"), rs.getInt("register_entry"),
                DossierStatus.fromCode(rs.getInt("status")), rs.getString("received_by"), assistance, rs.getString("note"));
    }

    /** Stored IDs were validated on the way in; only the shape is re-checked on the way out. */
    private static Optional<CitizenId> citizenId(String digits) {
        return digits == null ? Optional.empty() : Optional.of(CitizenId.parse(digits, null));
    }

    private static List<ReceivedDocument> documents(Connection c, UUID id) throws SQLException {
        List<ReceivedDocument> docs = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT name, form, doc_count FROM dossier_document WHERE dossier_id = ? ORDER BY position")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    docs.add(new ReceivedDocument(rs.getString(1), DocumentForm.valueOf(rs.getString(2)), rs.getInt(3)));
                }
            }
        }
        return docs;
    }

}
