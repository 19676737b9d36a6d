package org.motcua.store;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The unfiltered dossier list (newest first, a page at a time) is read off an index in that order instead of
 * sorting the whole table for every page: what keeps the list usable at 300,000 dossiers.
 */
class ListOrderIndexTest {

    @TempDir
    Path dir;

    @Test
    void theNewestFirstPageIsReadFromTheListOrderIndex() {
        try (Store store = StoreFixture.newStore(dir, "desk", 1)) {
            String plan = store.read(c -> {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                        "EXPLAIN SELECT id, code, procedure_code, applicant_name, received_at, due_at, status FROM dossier "
                                + "ORDER BY received_at DESC, code DESC LIMIT 201 OFFSET 4000")) {
                    rs.next();
                    return rs.getString(1);
                }
            });
            assertTrue(plan.contains("DOSSIER_LIST_ORDER"), plan);
            assertTrue(plan.contains("index sorted"), plan);
        }
    }
}
