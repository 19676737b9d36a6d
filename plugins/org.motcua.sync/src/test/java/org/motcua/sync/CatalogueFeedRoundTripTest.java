package org.motcua.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.core.calendar.DeadlineCalculator;
import org.motcua.core.catalogue.Procedure;
import org.motcua.core.catalogue.ProcedureCatalogue;
import org.motcua.core.dossier.Dossier;
import org.motcua.store.sync.ReferenceData;
import org.motcua.sync.faults.FaultProxy;

/**
 * The province publishes a catalogue and a calendar with its real admin commands; the desk pulls them over loopback
 * HTTP with its next sync and receives the next dossier under the new procedure version (its processing time and fee)
 * with the new holiday counted. A dossier received before keeps its version and due date. A later publication reaches a
 * desk without a link through the USB reply and is applied the same way.
 */
class CatalogueFeedRoundTripTest {

    private static final String UNIT = "000.00.04.H99";
    /** Tuesday 10 March 2026, 08:00. */
    private static final LocalDateTime TUESDAY = TestDesk.MORNING;

    @TempDir
    Path dir;

    @Test
    void aPublishedCatalogueAndCalendarReachTheDeskAndTheNextIntakeUsesThem() throws Exception {
        Path data = dir.resolve("province");
        String code = Province.enrolmentCode(data, UNIT, "UBND xã Lịch Mới");
        TestDesk desk = TestDesk.create(dir, "desk", UNIT, 1);
        FaultProxy address = null;
        try {
            Dossier before = desk.receive(desk.store.catalogue().latest("1.005461").orElseThrow(), TestDesk.DEADLINES, TUESDAY);
            assertEquals(LocalDateTime.of(2026, 3, 17, 8, 0), before.dueAt(), "5 working days on the sample calendar");

            List<String> published = Province.run("publish-catalogue", write("catalogue.json", catalogue("20000")).toString(),
                    "--valid-days", "30", "--data", data.toString());
            assertTrue(published.stream().anyMatch(l -> l.contains("2 procedure(s), 2 new or changed")), published.toString());
            Province.run("publish-calendar", write("calendar.json", CALENDAR_2026).toString(), "--data", data.toString());

            try (Province province = Province.start(data)) {
                address = FaultProxy.clean(new InetSocketAddress("127.0.0.1", province.url().getPort()));
                desk.enrol(address.baseUri(), code);
                SyncStatus s = desk.sync();
                assertTrue(s.problem().isEmpty(), s.toString());
            }

            ProcedureCatalogue catalogue = desk.store.catalogue();
            Procedure changed = catalogue.latest("1.005461").orElseThrow();
            assertEquals(2, changed.version());
            assertEquals(7, changed.processingTime().amount());
            assertTrue(changed.feeText().contains("20.000 đồng"), changed.feeText());
            assertEquals(List.of("1.005461", "2.999999"), catalogue.current().stream().map(Procedure::code).toList(),
                    "the province's catalogue replaces the sample");
            ReferenceData reference = new ReferenceData(desk.store);
            assertTrue(reference.catalogue().fromFeed());
            assertEquals(List.of(2026), reference.calendarYears().stream().map(ReferenceData.CalendarYear::year).toList());
            assertFalse(reference.catalogueExpired(java.time.Instant.now()));

            // The intake after the sync: the desk's calculator is the sample calendar with the province's years.
            DeadlineCalculator desks = new DeadlineCalculator(TestDesk.DEADLINES.calendar().withYearsReplaced(reference.calendarEntries()));
            Dossier fresh = desk.receive(catalogue.latest("2.999999").orElseThrow(), desks, TUESDAY);
            assertEquals(LocalDateTime.of(2026, 3, 16, 8, 0), fresh.dueAt(),
                    "3 working days from Tuesday 08:00 skip the new holiday on Thursday 12 March");
            Dossier underV2 = desk.receive(changed, desks, TUESDAY);
            assertEquals(2, underV2.procedureVersion());
            assertEquals(LocalDateTime.of(2026, 3, 20, 8, 0), underV2.dueAt(), "7 working days with the holiday");
            Dossier kept = desk.store.dossier(before.id()).orElseThrow();
            assertEquals(1, kept.procedureVersion());
            assertEquals(before.dueAt(), kept.dueAt());

            // No link now: the province changes the fee; the desk's USB export brings back a reply with the update.
            Province.run("publish-catalogue", write("catalogue2.json", catalogue("25000")).toString(), "--data", data.toString());
            Path stick = Files.createDirectories(dir.resolve("usb"));
            UsbResult.Export export = desk.engine.exportToUsb(stick).join();
            Path replies = Files.createDirectories(dir.resolve("replies"));
            Province.run("usb-import", export.file().toString(), "--reply-dir", replies.toString(), "--data", data.toString());
            try (Stream<Path> files = Files.list(replies)) {
                desk.engine.importFromUsb(files.findFirst().orElseThrow()).join();
            }
            Procedure third = desk.store.catalogue().latest("1.005461").orElseThrow();
            assertEquals(3, third.version());
            assertTrue(third.feeText().contains("25.000 đồng"), third.feeText());
        } finally {
            desk.close();
            if (address != null) {
                address.close();
            }
        }
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    static String catalogue(String fee) {
        return """
                [
                  {"code": "1.005461", "name": "Đăng ký lại khai tử", "field": "Hộ tịch", "durationWorkingDays": 7,
                   "fee": "miễn khi nộp trực tuyến", "fees": [{"name": "Lệ phí đăng ký lại khai tử", "amountVnd": "%s"}],
                   "documents": [{"name": "Tờ khai đăng ký lại khai tử theo mẫu", "form": "bản chính", "count": 1, "required": true}],
                   "onlineLevel": null},
                  {"code": "2.999999", "name": "Thủ tục thử nghiệm của tỉnh", "field": "Chứng thực", "durationWorkingDays": 3,
                   "fee": null, "documents": []}
                ]
                """.formatted(fee);
    }

    private static final String CALENDAR_2026 = """
            {"year": 2026,
             "holidays": [{"date": "2026-01-01", "name": "Tết Dương lịch"}, {"date": "2026-03-12", "name": "Ngày nghỉ của tỉnh (thử)"}],
             "swappedDays": []}
            """;
}
