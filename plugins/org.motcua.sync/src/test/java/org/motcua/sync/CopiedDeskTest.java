package org.motcua.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.store.Store;

/**
 * An attacker's view (issue 12): a desk's whole folder (database, key slots, marker) copied to another PC, so the copy
 * holds the device's key and signs as the device. Both go on working. The copy's next batch forks the chain and it
 * opens a new epoch, as a desk restored from a backup would; the original's next batch then goes to an epoch the
 * province has closed: it is refused ({@code epoch-closed}), the original desk stops and tells its officer the
 * identity is in use elsewhere, and the province raises an alert the administrator lists with {@code alerts}.
 */
class CopiedDeskTest {

    private static final String UNIT = "000.00.07.H99";

    @TempDir
    Path dir;

    @Test
    void aCopyOfADeskUsedOnAnotherMachineIsRefusedAndAlerted() throws Exception {
        Path data = dir.resolve("province");
        String code = Province.enrolmentCode(data, UNIT, "UBND xã Sao Chép");
        Path elsewhere = Files.createDirectories(dir.resolve("other-pc"));
        String deviceId;
        try (Province province = Province.start(data)) {
            TestDesk original = TestDesk.create(dir, "desk", UNIT, 1);
            original.enrol(province.url(), code);
            original.receive();
            assertEquals(0, original.sync().eventsWaiting());
            deviceId = original.store.device().deviceId().toString();
            original.close();
            copyDesk(dir, elsewhere, "desk");

            original = TestDesk.reopen(dir, "desk", Store.open(dir.resolve("desk"), TestDesk.KEY));
            TestDesk copy = TestDesk.reopen(elsewhere, "desk", Store.open(elsewhere.resolve("desk"), TestDesk.KEY));
            try {
                original.receive();
                assertEquals(0, original.sync().eventsWaiting(), "the original goes on in its epoch");
                copy.receive();
                SyncStatus copied = copy.sync();
                for (int i = 0; i < 3 && copied.eventsWaiting() > 0; i++) {
                    copied = copy.sync();
                }
                assertEquals(0, copied.eventsWaiting(), "the copy forks the chain and goes on in a new epoch: " + copied);
                original.receive();
                SyncStatus refused = original.sync();
                assertEquals(SyncProblem.IDENTITY_IN_USE, refused.problem().orElse(null), refused.toString());
                assertEquals(1, refused.eventsWaiting(), "the original's new dossier stays on its desk, not lost");
            } finally {
                copy.close();
                original.close();
            }
        }
        List<String> alerts = Province.run("alerts", "--data", data.toString());
        assertTrue(alerts.stream().anyMatch(l -> l.contains("device-identity-in-use") && l.contains(deviceId)),
                String.join("\n", alerts));
    }

    /** Every file of the desk's store (database, marker, key slots), as a copy of its folder to another PC would. */
    private static void copyDesk(Path from, Path to, String name) throws Exception {
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().startsWith(name + ".")).toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }
}
