package org.motcua.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.motcua.core.calendar.ProcessingTime;
import org.motcua.core.catalogue.DocumentForm;
import org.motcua.core.catalogue.OnlineLevel;
import org.motcua.core.catalogue.Procedure;
import org.motcua.core.catalogue.ProcedureCatalogue;
import org.motcua.core.catalogue.RequiredDocument;

/** The local copy of the procedure catalogue, every version kept. */
public final class CatalogueTable {

    private CatalogueTable() {
    }

    /** Adds the versions not yet stored; a stored version is never changed (dossiers refer to it). */
    public static int addMissing(Connection c, List<Procedure> versions) throws SQLException {
        int added = 0;
        for (Procedure p : versions) {
            if (exists(c, p)) {
                continue;
            }
            Sql.update(c, "INSERT INTO procedure_version (code, version, national, name, field_code, field_name, time_amount, "
                    + "time_unit, time_assumed, cut_off, fee_text, online_level, deciding_body, sample) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", p.code(), p.version(), p.national(), p.name(),
                    p.fieldCode(), p.fieldName(), p.processingTime().amount(), p.processingTime().unit().name(),
                    p.processingTimeAssumed(), p.afternoonCutOff().map(Time::valueOf), p.feeText(),
                    p.onlineLevel().map(OnlineLevel::name), p.decidingBody(), p.sample());
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO procedure_document (code, version, position, name, "
                    + "form, doc_count, required, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < p.documents().size(); i++) {
                    RequiredDocument d = p.documents().get(i);
                    Sql.bind(ps, p.code(), p.version(), i + 1, d.name(), d.form().name(), d.count(), d.required(), d.note());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            added++;
        }
        return added;
    }

    private static boolean exists(Connection c, Procedure p) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM procedure_version WHERE code = ? AND version = ?")) {
            Sql.bind(ps, p.code(), p.version());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    public static ProcedureCatalogue load(Connection c) throws SQLException {
        Map<String, List<RequiredDocument>> documents = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM procedure_document ORDER BY code, version, position");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                documents.computeIfAbsent(rs.getString("code") + "@" + rs.getInt("version"), k -> new ArrayList<>())
                        .add(new RequiredDocument(rs.getString("name"), DocumentForm.valueOf(rs.getString("form")),
                                rs.getInt("doc_count"), rs.getBoolean("required"), rs.getString("note")));
            }
        }
        List<Procedure> procedures = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM procedure_version");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String key = rs.getString("code") + "@" + rs.getInt("version");
                Time cutOff = rs.getTime("cut_off");
                String online = rs.getString("online_level");
                procedures.add(new Procedure(rs.getString("code"), rs.getBoolean("national"), rs.getInt("version"),
                        rs.getString("name"), rs.getString("field_code"), rs.getString("field_name"),
                        new ProcessingTime(rs.getInt("time_amount"), ProcessingTime.Unit.valueOf(rs.getString("time_unit"))),
                        rs.getBoolean("time_assumed"), Optional.ofNullable(cutOff).map(Time::toLocalTime),
                        rs.getString("fee_text"), documents.getOrDefault(key, List.of()),
                        Optional.ofNullable(online).map(OnlineLevel::valueOf), rs.getString("deciding_body"),
                        rs.getBoolean("sample")));
            }
        }
        return ProcedureCatalogue.of(procedures, withdrawn(c));
    }

    /**
     * Codes no longer offered: those the province withdrew, and, once any procedure has come down the feed, the
     * compiled-in sample's codes the province never sent (the sample is only the fallback of a desk never synced).
     */
    private static Set<String> withdrawn(Connection c) throws SQLException {
        Set<String> out = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT code FROM procedure_withdrawn UNION "
                + "SELECT code FROM procedure_version p WHERE EXISTS (SELECT 1 FROM procedure_version f WHERE f.feed_version "
                + "IS NOT NULL) GROUP BY code HAVING COUNT(feed_version) = 0");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
