package org.motcua.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncryptedDatabaseTest {

    private static final char[] KEY = "correct-horse-battery-staple".toCharArray();
    private static final String NAME = "Nguyễn Văn An";

    @TempDir
    Path dir;

    @Test
    void dataSurvivesReopenAndIsNotReadableInTheFile() throws Exception {
        Path base = dir.resolve("motcua");
        EncryptedDatabase db = EncryptedDatabase.create(base, KEY);
        try (var c = db.connect(); Statement st = c.jdbc().createStatement()) {
            st.execute("CREATE TABLE applicant(name VARCHAR(200))");
            try (PreparedStatement ps = c.jdbc().prepareStatement("INSERT INTO applicant VALUES (?)")) {
                ps.setString(1, NAME);
                ps.executeUpdate();
            }
        }
        assertTrue(Files.size(db.file()) > 0);

        EncryptedDatabase reopened = EncryptedDatabase.open(base, KEY);
        try (var c = reopened.connect(); Statement st = c.jdbc().createStatement();
                ResultSet rs = st.executeQuery("SELECT name FROM applicant")) {
            assertTrue(rs.next());
            assertEquals(NAME, rs.getString(1));
        }
        byte[] raw = Files.readAllBytes(db.file());
        assertFalse(contains(raw, NAME.getBytes(StandardCharsets.UTF_8)), "the name must not be stored in clear");
        assertFalse(contains(raw, "APPLICANT".getBytes(StandardCharsets.US_ASCII)), "even the schema is encrypted");
    }

    @Test
    void wrongKeyIsReportedAndTheFileIsUntouched() throws Exception {
        Path base = dir.resolve("motcua");
        EncryptedDatabase.create(base, KEY);
        byte[] before = Files.readAllBytes(EncryptedDatabase.dataFile(base));
        StoreException e = assertThrows(StoreException.class,
                () -> EncryptedDatabase.open(base, "another-key-of-16-chars".toCharArray()));
        assertEquals(StoreException.Reason.WRONG_KEY, e.reason());
        assertArrayEquals(before, Files.readAllBytes(EncryptedDatabase.dataFile(base)));
    }

    @Test
    void missingFileIsNeverReplacedByANewEmptyDatabase() {
        Path base = dir.resolve("absent");
        StoreException e = assertThrows(StoreException.class, () -> EncryptedDatabase.open(base, KEY));
        assertEquals(StoreException.Reason.NOT_FOUND, e.reason());
        assertFalse(Files.exists(EncryptedDatabase.dataFile(base)));
    }

    @Test
    void foreignFileIsReportedAsCorrupted() throws Exception {
        Path base = dir.resolve("foreign");
        byte[] foreign = "this is a spreadsheet, not a database".repeat(200).getBytes(StandardCharsets.US_ASCII);
        Files.write(EncryptedDatabase.dataFile(base), foreign);
        StoreException e = assertThrows(StoreException.class, () -> EncryptedDatabase.open(base, KEY));
        assertEquals(StoreException.Reason.CORRUPTED, e.reason(), e.getMessage());
        assertArrayEquals(foreign, Files.readAllBytes(EncryptedDatabase.dataFile(base)), "the file is left as it was");
    }

    @Test
    void createRefusesToOverwrite() {
        Path base = dir.resolve("motcua");
        EncryptedDatabase.create(base, KEY);
        StoreException e = assertThrows(StoreException.class, () -> EncryptedDatabase.create(base, KEY));
        assertEquals(StoreException.Reason.ALREADY_EXISTS, e.reason());
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
