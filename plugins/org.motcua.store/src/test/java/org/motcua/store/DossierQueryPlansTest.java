package org.motcua.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.core.catalogue.Procedure;
import org.motcua.core.dossier.IntakeRequest;
import org.motcua.core.lifecycle.DossierStatus;
import org.motcua.core.lifecycle.Role;
import org.motcua.store.internal.Sql;

/**
 * The list's searches and filters must read a few index entries on a desk of ten years, never every dossier: H2's
 * EXPLAIN ANALYZE shows the index it chose and how many rows it read. (The name search read every matching row's
 * whole record; the due-date filters walked the due dates of every finished dossier.)
 */
class DossierQueryPlansTest {

    private static final int FINISHED = 240;
    private static final int OPEN = 6;
    private static final LocalDateTime FIRST = LocalDateTime.of(2025, 3, 3, 8, 0);

    @TempDir
    Path dir;
    private Store store;

    /** {@value #FINISHED} dossiers returned long ago and {@value #OPEN} still open, all past their due dates. */
    @BeforeEach
    void aDeskWithAHistory() {
        store = StoreFixture.newStore(dir, "desk", 1);
        Procedure p = StoreFixture.birthRegistration();
        List<IntakeRequest> requests = new ArrayList<>();
        for (int i = 0; i < FINISHED + OPEN; i++) {
            requests.add(StoreFixture.intake(p, i, FIRST.plusHours(i)));
        }
        new DossierIntake(store, StoreFixture.DEADLINES).receiveAll(requests, Role.RECEIVING_OFFICER, FIRST.plusYears(1));
        store.write(c -> Sql.update(c, "UPDATE dossier SET status = ? WHERE received_at < ?", DossierStatus.RETURNED.code(),
                FIRST.plusHours(FINISHED)));
        store.write(c -> {
            try (var st = c.createStatement()) {
                st.execute("ANALYZE");
            }
            return null;
        });
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aNameTypedFromItsStartIsAnsweredByTheNameIndexAlone() {
        String plan = plan(DossierSearch.pageSql(List.of(DossierSearch.NAME_PREFIX)), "nguyen van an 12%", 51, 0);
        assertTrue(plan.contains("DOSSIER_NAME_LIST"), plan);
        assertTrue(scanCount(plan) <= 13, "the 11 names starting 'nguyen van an 12' (12, 120..129) and the ends of their range: " + plan);
        // The index is what answers without reading rows only while it holds every column the list shows.
        List<String> indexed = store.read(c -> {
            List<String> columns = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT COLUMN_NAME FROM INFORMATION_SCHEMA.INDEX_COLUMNS "
                    + "WHERE INDEX_NAME = 'DOSSIER_NAME_LIST' ORDER BY ORDINAL_POSITION");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1).toLowerCase(Locale.ROOT));
                }
            }
            return columns;
        });
        for (String shown : DossierSearch.LIST_COLUMNS.split(", ")) {
            assertTrue(indexed.contains(shown), shown + " is shown in the list but not in the name index " + indexed);
        }
        assertEquals(11, new DossierSearch(store).find(DossierQuery.text("Nguyễn Văn An 12", FIRST.plusYears(1), 50))
                .items().size());
    }

    @Test
    void theOverdueFilterReadsOnlyOpenDossiers() {
        String plan = plan(DossierSearch.pageSql(List.of(DossierSearch.OPEN_STATUS + " AND due_at < ?")),
                FIRST.plusYears(1), 201, 0);
        assertTrue(plan.contains("DOSSIER_STATUS_DUE"), plan);
        assertTrue(scanCount(plan) <= OPEN + 1, "only the " + OPEN + " open dossiers (and the end of their range), not the " + FINISHED + " returned: " + plan);
        assertEquals(OPEN, new DossierSearch(store).find(DossierQuery.text("", FIRST.plusYears(1), 50)
                .withDue(DossierQuery.DueFilter.OVERDUE)).items().size());
    }

    private String plan(String sql, Object... args) {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("EXPLAIN ANALYZE " + sql)) {
                Sql.bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        });
    }

    /** The largest "scanCount" in the plan: rows H2 read from an index or table. */
    private static int scanCount(String plan) {
        Matcher m = Pattern.compile("scanCount: (\\d+)").matcher(plan);
        int max = 0;
        while (m.find()) {
            max = Math.max(max, Integer.parseInt(m.group(1)));
        }
        return max;
    }
}
