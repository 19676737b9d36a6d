package org.motcua.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.core.dossier.Dossier;
import org.motcua.core.lifecycle.DossierAction;
import org.motcua.core.lifecycle.Role;
import org.motcua.store.DossierWorkflow;
import org.motcua.store.sync.EventResult;
import org.motcua.store.sync.OutboxEvent;
import org.motcua.sync.faults.FaultProxy;

/**
 * The province's admin moves a desk to another commune and number with the real {@code device-config} command (after
 * the 2025 mergers, communes were merged and renamed); the desk learns it from the feed: the next code carries the new
 * unit and the new number's range, the forms the new commune's name, and the dossiers already received keep their codes.
 */
class DeviceConfigRoundTripTest {

    private static final String UNIT = "000.00.08.H99";
    private static final String MERGED = "000.00.09.H99";

    @TempDir
    Path dir;

    @Test
    void theDeskTakesTheNumberAndUnitTheProvinceGivesIt() throws Exception {
        Path data = dir.resolve("province");
        String code = Province.enrolmentCode(data, UNIT, "UBND xã Trước Sáp Nhập");
        Province.enrolmentCode(data, MERGED, "UBND xã Hợp Nhất");  // registers the unit the desk moves to
        TestDesk desk = TestDesk.create(dir, "desk", UNIT, 2);
        FaultProxy address = null;
        try {
            Dossier before = desk.receive();
            try (Province province = Province.start(data)) {
                address = FaultProxy.clean(new InetSocketAddress("127.0.0.1", province.url().getPort()));
                desk.enrol(address.baseUri(), code);
                assertTrue(desk.sync().problem().isEmpty());
            }
            String deviceId = desk.store.device().deviceId().toString();
            List<String> out = Province.run("device-config", deviceId, "--unit", MERGED, "--number", "4", "--data",
                    data.toString());
            assertTrue(out.stream().anyMatch(l -> l.contains("published to the device")), out.toString());

            try (Province province = Province.start(data)) {
                address.setTarget(new InetSocketAddress("127.0.0.1", province.url().getPort()));
                SyncStatus s = desk.sync();  // nothing to upload: the officer's "sync now" asks the feed
                assertTrue(s.problem().isEmpty(), s.toString());
            }

            assertEquals(MERGED, desk.store.device().unitCode());
            assertEquals(4, desk.store.device().deviceNumber());
            assertEquals("UBND xã Hợp Nhất", desk.store.device().unitName());
            Dossier after = desk.receive();
            assertEquals(MERGED, after.code().unitCode());
            assertEquals(3001, after.code().sequence(), "device 4's own range");
            assertEquals(before.code(), desk.store.dossier(before.id()).orElseThrow().code(), "a printed code stays");

            // The desk carries on with the dossier it received before the move, and the province takes both.
            new DossierWorkflow(desk.store, TestDesk.DEADLINES).take(before.id(), DossierAction.HAND_OVER_FOR_PROCESSING,
                    Role.RECEIVING_OFFICER, "tiepnhan1", "Nguyễn Văn Chuyên", "", TestDesk.MORNING.plusHours(2));
            try (Province province = Province.start(data)) {
                address.setTarget(new InetSocketAddress("127.0.0.1", province.url().getPort()));
                assertTrue(desk.sync().problem().isEmpty());
            }
            List<OutboxEvent> sent = desk.outbox.all();
            for (OutboxEvent e : sent.subList(sent.size() - 2, sent.size())) {
                EventResult r = desk.outbox.result(e.eventId()).orElseThrow();
                assertEquals("accepted", r.status(), e.type() + " of " + e.aggregateId() + ": " + r);
            }
        } finally {
            desk.close();
            if (address != null) {
                address.close();
            }
        }
    }
}
