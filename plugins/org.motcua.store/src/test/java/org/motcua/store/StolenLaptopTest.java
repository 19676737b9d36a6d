package org.motcua.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.core.lifecycle.Role;
import org.motcua.protocol.codec.Sha256;

/**
 * Issue 12's stolen laptop: a thief copies the desk's data folder and its backup stick, without any password. Every
 * byte of every file is searched for what an officer typed or scanned — the citizen's name, CCCD and phone, a scan's
 * content, the officer's password, the recovery code, the database key — in UTF-8 and both UTF-16s; none may appear.
 * Trying a wrong password or a wrong key opens nothing and changes no file. What one guess costs the thief is a figure
 * of {@code ./motcua bench security} ({@code KeySlotGuessBenchmark}), not an assertion here.
 */
class StolenLaptopTest {

    private static final LocalDateTime AT = LocalDateTime.of(2026, 3, 10, 8, 0);
    private static final char[] PASSWORD = "Hoa-ban-no-2026!".toCharArray();
    private static final char[] RECOVERY = "QW7R-T2YP-ZK4M-9XHD-3VNB-8CJF-6LGS-5EPA".toCharArray();
    private static final int CITIZEN = 424242;

    @TempDir
    Path dir;

    @Test
    void nothingInTheDesksFilesOrItsBackupReadsWithoutAPassword() throws Exception {
        Path data = dir.resolve("data");
        Path stick = dir.resolve("usb");
        Files.createDirectories(data);
        Files.createDirectories(stick);
        char[] key = KeySlots.newDatabaseKey();
        KeySlots slots = KeySlots.of(data.resolve("desk"));
        slots.put("quantri", PASSWORD, key);
        slots.put(KeySlots.RECOVERY_SLOT, RECOVERY, key);
        try (Store store = Store.create(data.resolve("desk"), key, DeviceIdentity.newDevice(StoreFixture.UNIT, "UBND xã Mẫu", 1))) {
            store.addProcedures(StoreFixture.CATALOGUE.current());
            new DossierIntake(store, StoreFixture.DEADLINES).receive(StoreFixture.intake(StoreFixture.birthRegistration(),
                    CITIZEN, AT), Role.RECEIVING_OFFICER, AT.plusMinutes(1), List.of(ScanFile.of("cccd.png",
                    ScannedDocumentsTest.png(40_000, 7)), ScanFile.of("to-khai.pdf", ScannedDocumentsTest.pdf(50_000, 8))));
            new DeskSettings(store).put(DeskSettings.Key.BACKUP_DIRECTORY, stick.toString(), "quantri", Role.ADMIN, AT);
            assertEquals(BackupLog.Attempt.GOOD, new DeskBackups(store).runOnce(AT.plusHours(9)));
        }

        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        assertTrue(files.stream().anyMatch(f -> f.startsWith(stick)), "the backup is among the files searched: " + files);
        assertTrue(files.size() >= 4, files.toString());
        Map<String, byte[]> secrets = secrets(key);
        // the search itself works: it finds the marker in the scan as the officer attached it
        assertTrue(indexOf(ScannedDocumentsTest.png(40_000, 7), secrets.get("a scan's content (UTF-8)")) >= 0);
        List<String> found = new ArrayList<>();
        for (Path f : files) {
            byte[] bytes = Files.readAllBytes(f);
            secrets.forEach((what, needle) -> {
                if (indexOf(bytes, needle) >= 0) {
                    found.add(dir.relativize(f) + " shows " + what);
                }
            });
        }
        assertEquals(List.of(), found);

        Map<Path, String> before = hashes(files);
        assertEquals(Optional.empty(), slots.unlock("quantri", "hoa-ban-no-2026!".toCharArray()), "one letter's case");
        assertEquals(Optional.empty(), slots.unlock(KeySlots.RECOVERY_SLOT, PASSWORD));
        assertThrows(RuntimeException.class, () -> Store.open(data.resolve("desk"), KeySlots.newDatabaseKey()).close(),
                "another key does not open the database");
        assertEquals(before, hashes(files), "failed attempts leave every file as it was");
        try (Store owner = Store.open(data.resolve("desk"), slots.unlock("quantri", PASSWORD).orElseThrow())) {
            assertEquals(1, owner.dossierIds().size(), "the officer's own password still opens it");
        }
    }

    /** What must not be found, each in the encodings a program might write it in. */
    private static Map<String, byte[]> secrets(char[] key) {
        Map<String, byte[]> out = new TreeMap<>();
        Map<String, String> texts = Map.of(
                "the citizen's name", "Nguyễn Văn An " + CITIZEN,
                "the CCCD", String.format("001085%06d", CITIZEN),
                "the phone number", "0912345678",
                "a scan's content", "CCCD-SCAN-MARKER",
                "the password", new String(PASSWORD),
                "the recovery code", new String(RECOVERY),
                "the recovery code without dashes", new String(RECOVERY).replace("-", ""),
                "the database key", new String(key));
        for (Map.Entry<String, String> t : texts.entrySet()) {
            for (Charset cs : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
                out.put(t.getKey() + " (" + cs.name() + ")", t.getValue().getBytes(cs));
            }
        }
        out.put("a PDF header", "%PDF-1.7".getBytes(StandardCharsets.US_ASCII));
        out.put("a PNG header", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        return out;
    }

    private static Map<Path, String> hashes(List<Path> files) throws Exception {
        Map<Path, String> out = new TreeMap<>();
        for (Path f : files) {
            out.put(f, Sha256.hex(Files.readAllBytes(f)));
        }
        return out;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
