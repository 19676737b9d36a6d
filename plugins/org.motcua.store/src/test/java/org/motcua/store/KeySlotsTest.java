package org.motcua.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeySlotsTest {

    @TempDir
    Path dir;

    @Test
    void eachOfficerUnlocksTheSameDatabaseKeyWithTheirOwnPassword() throws Exception {
        char[] dbKey = KeySlots.newDatabaseKey();
        KeySlots slots = KeySlots.of(dir.resolve("desk"));
        slots.put("quantri", "mat-khau-quan-tri".toCharArray(), dbKey);
        slots.put("tiepnhan1", "hoa-2026-mc".toCharArray(), dbKey);
        assertArrayEquals(dbKey, slots.unlock("quantri", "mat-khau-quan-tri".toCharArray()).orElseThrow());
        assertArrayEquals(dbKey, slots.unlock("tiepnhan1", "hoa-2026-mc".toCharArray()).orElseThrow());
        assertEquals(Optional.empty(), slots.unlock("tiepnhan1", "mat-khau-quan-tri".toCharArray()));
        assertEquals(Optional.empty(), slots.unlock("khongco", "x".toCharArray()));
        String file = Files.readString(slots.file());
        assertFalse(file.contains(new String(dbKey)), "the database key is never written in clear");

        try (Store store = Store.create(dir.resolve("desk"), dbKey, DeviceIdentity.newDevice(StoreFixture.UNIT, "Xã Mẫu", 1))) {
            assertTrue(store.count("dossier") == 0);
        }
        char[] unlocked = slots.unlock("tiepnhan1", "hoa-2026-mc".toCharArray()).orElseThrow();
        try (Store store = Store.open(dir.resolve("desk"), unlocked)) {
            assertEquals(1, store.device().deviceNumber());
        }
        assertTrue(slots.remove("tiepnhan1"));
        assertEquals(List.of("quantri"), slots.names());
        assertEquals(Optional.empty(), slots.unlock("tiepnhan1", "hoa-2026-mc".toCharArray()));
    }

    @Test
    void aSlotCannotBeMovedToAnotherName() throws Exception {
        KeySlots slots = KeySlots.of(dir.resolve("desk"));
        slots.put("a", "secret-one".toCharArray(), KeySlots.newDatabaseKey());
        String json = Files.readString(slots.file()).replace("\"a\"", "\"b\"");
        Files.writeString(slots.file(), json);
        assertEquals(Optional.empty(), slots.unlock("b", "secret-one".toCharArray()));
    }

    @Test
    void aSlotOpensWithTheCostItWasWrittenWithSoTheCostCanBeRaisedLater() throws Exception {
        char[] dbKey = KeySlots.newDatabaseKey();
        KeySlots slots = KeySlots.of(dir.resolve("desk"));
        slots.put("cu", "mat-khau-cu".toCharArray(), dbKey, new KeySlots.Cost(8 * 1024, 1, 1));
        slots.put("moi", "mat-khau-moi".toCharArray(), dbKey);
        assertTrue(Files.readString(slots.file()).contains("argon2id;m=8192;t=1;p=1"));
        assertArrayEquals(dbKey, slots.unlock("cu", "mat-khau-cu".toCharArray()).orElseThrow(), "an older, cheaper slot");
        assertArrayEquals(dbKey, slots.unlock("moi", "mat-khau-moi".toCharArray()).orElseThrow());
    }

    @Test
    void aSlotWhoseCostWasEditedBeyondBoundsIsRefusedNotDerived() throws Exception {
        KeySlots slots = KeySlots.of(dir.resolve("desk"));
        slots.put("a", "secret-one".toCharArray(), KeySlots.newDatabaseKey());
        String json = Files.readString(slots.file());
        // 9.5 GiB per guess would stop the login (or the desk) rather than open anything
        Files.writeString(slots.file(), json.replace("m=19456", "m=9999999"));
        assertEquals(Optional.empty(), slots.unlock("a", "secret-one".toCharArray()));
        Files.writeString(slots.file(), json.replace("argon2id;", "scrypt;"));
        assertEquals(Optional.empty(), slots.unlock("a", "secret-one".toCharArray()), "a function this desk does not know");
        Files.writeString(slots.file(), json);
        assertTrue(slots.unlock("a", "secret-one".toCharArray()).isPresent());
    }
}
