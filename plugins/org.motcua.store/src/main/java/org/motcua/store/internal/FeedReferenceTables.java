package org.motcua.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.motcua.core.calendar.CalendarEntry;
import org.motcua.core.calendar.DayKind;
import org.motcua.core.calendar.ProcessingTime;
import org.motcua.core.catalogue.DocumentForm;
import org.motcua.core.catalogue.OnlineLevel;
import org.motcua.core.catalogue.Procedure;
import org.motcua.core.catalogue.RequiredDocument;
import org.motcua.core.text.VietnameseText;
import org.motcua.protocol.feed.CalendarData;
import org.motcua.protocol.feed.ProcedureData;

/**
 * What {@code procedure} and {@code calendar} feed items (§5.6) do to the desk, inside the transaction that stores the
 * page and its cursor (§10).
 *
 * <ul>
 * <li>A procedure item adds a new version of its procedure, numbered after the code's last one on this desk; versions
 * already stored never change, so a dossier keeps the rules (processing time, documents, fees) it was received under.
 * A withdrawn item marks the code withdrawn instead: its versions stay, intake no longer offers it.</li>
 * <li>A calendar item replaces the days of its year. Due dates already stored are never recomputed: they were promised
 * to a citizen on a receipt.</li>
 * </ul>
 */
public final class FeedReferenceTables {

    private FeedReferenceTables() {
    }

    public static void applyProcedure(Connection c, ProcedureData p, long feedVersion, LocalDateTime now) throws SQLException {
        if (p.withdrawn()) {
            Sql.update(c, "MERGE INTO procedure_withdrawn (code, feed_version, arrived_at) KEY (code) VALUES (?, ?, ?)",
                    p.procedureCode(), feedVersion, now);
            return;
        }
        int version;
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(version), 0) + 1 FROM procedure_version WHERE code = ?")) {
            Sql.bind(ps, p.procedureCode());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                version = rs.getInt(1);
            }
        }
        CatalogueTable.addMissing(c, List.of(toProcedure(p, version)));
        Sql.update(c, "UPDATE procedure_version SET feed_version = ?, arrived_at = ?, valid_from = ? WHERE code = ? AND version = ?",
                feedVersion, now, LocalDate.parse(p.validFrom()), p.procedureCode(), version);
        Sql.update(c, "DELETE FROM procedure_withdrawn WHERE code = ?", p.procedureCode());
    }

    /** The desk's procedure for item data, as version {@code version} of its code. */
    public static Procedure toProcedure(ProcedureData p, int version) {
        List<RequiredDocument> documents = new ArrayList<>();
        for (ProcedureData.Document d : p.requiredDocuments()) {
            documents.add(new RequiredDocument(d.name(), DocumentForm.fromCatalogueText(d.form()), d.count(), d.required(),
                    d.note().orElse("")));
        }
        ProcessingTime time = p.processingDays() == 0 ? ProcessingTime.sameDay() : ProcessingTime.workingDays(p.processingDays());
        return new Procedure(p.procedureCode(), !p.procedureCode().startsWith("LOCAL"), version, p.name(),
                VietnameseText.identifier(p.fieldName()), p.fieldName(), time, false,
                p.afternoonCutOff().map(LocalTime::parse), feeText(p), documents,
                p.onlineLevel().flatMap(OnlineLevel::fromCatalogueText), "", false);
    }

    /** The amounts when the province lists them ("Lệ phí …: 8.000 đồng"), then its own wording. */
    static String feeText(ProcedureData p) {
        NumberFormat vnd = NumberFormat.getIntegerInstance(Locale.forLanguageTag("vi-VN"));
        List<String> parts = new ArrayList<>();
        for (ProcedureData.Fee f : p.fees()) {
            parts.add(f.name() + ": " + vnd.format(Long.parseLong(f.amountVnd())) + " đồng");
        }
        p.feeText().ifPresent(parts::add);
        String text = String.join("; ", parts);
        return text.length() > 4000 ? text.substring(0, 4000) : text;
    }

    public static void applyCalendar(Connection c, CalendarData y, long feedVersion, LocalDateTime now) throws SQLException {
        Sql.update(c, "DELETE FROM calendar_day WHERE year_number = ?", y.year());
        Sql.update(c, "MERGE INTO calendar_year (year_number, feed_version, arrived_at) KEY (year_number) VALUES (?, ?, ?)", y.year(),
                feedVersion, now);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO calendar_day (calendar_date, year_number, kind, name) VALUES (?, ?, ?, ?)")) {
            for (String day : y.holidays()) {
                add(ps, y, day, DayKind.HOLIDAY);
            }
            for (CalendarData.Swap s : y.swappedDays()) {
                add(ps, y, s.date(), s.kind().equals(CalendarData.WORKDAY) ? DayKind.COMPENSATORY_WORKING_DAY : DayKind.DAY_OFF_SWAPPED);
            }
            ps.executeBatch();
        }
    }

    private static void add(PreparedStatement ps, CalendarData y, String day, DayKind kind) throws SQLException {
        String name = y.names().getOrDefault(day, "");
        Sql.bind(ps, LocalDate.parse(day), y.year(), kind.wireName(), name.length() > 300 ? name.substring(0, 300) : name);
        ps.addBatch();
    }

    /** The days of every year the province sent, by year. */
    public static Map<Integer, List<CalendarEntry>> calendarYears(Connection c) throws SQLException {
        Map<Integer, List<CalendarEntry>> out = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT y.year_number, y.feed_version, d.calendar_date, d.kind, d.name "
                + "FROM calendar_year y LEFT JOIN calendar_day d ON d.year_number = y.year_number ORDER BY y.year_number, d.calendar_date");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                List<CalendarEntry> days = out.computeIfAbsent(rs.getInt(1), y -> new ArrayList<>());
                LocalDate day = rs.getObject(3, LocalDate.class);
                if (day != null) {
                    days.add(CalendarEntry.of(day, DayKind.fromWireName(rs.getString(4)).orElseThrow(), rs.getString(5),
                            "province feed, version " + rs.getLong(2)));
                }
            }
        }
        return out;
    }
}
