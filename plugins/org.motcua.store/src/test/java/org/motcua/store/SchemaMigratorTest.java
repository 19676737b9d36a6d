package org.motcua.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaMigratorTest {

    private static final char[] KEY = "schema-test-key-0123456789".toCharArray();

    @TempDir
    Path dir;

    @Test
    void migrationsRunInsideOsgiAndOnlyOnce() throws Exception {
        EncryptedDatabase db = EncryptedDatabase.create(dir.resolve("m"), KEY);
        String version = SchemaMigrator.migrate(db.dataSource());
        assertTrue(Integer.parseInt(version) >= 1, version);
        assertEquals(version, SchemaMigrator.migrate(EncryptedDatabase.open(dir.resolve("m"), KEY).dataSource()));
        try (var c = db.connect(); Statement st = c.jdbc().createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"success\" AND \"version\" IS NOT NULL")) {
            assertTrue(rs.next());
            assertEquals(Integer.parseInt(version), rs.getInt(1));
        }
    }
}
