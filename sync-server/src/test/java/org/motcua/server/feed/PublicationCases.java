package org.motcua.server.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.server.audit.Actor;
import org.motcua.server.audit.AuditLog;
import org.motcua.protocol.codec.WireFormats;
import org.motcua.protocol.doc.Updates;
import org.motcua.protocol.feed.CalendarData;
import org.motcua.protocol.feed.ProcedureData;
import org.motcua.server.persistence.Tx;
import org.motcua.server.registry.DeviceRecord;
import org.motcua.server.registry.Devices;
import org.motcua.server.testing.Backend;
import org.motcua.server.testing.DbSnapshot;
import org.motcua.server.testing.TestDevice;
import org.motcua.server.testing.TestServer;

/**
 * The province publishes its catalogue and calendar (§5.6): what devices then read, versions that only rise, an
 * identical republication that costs nothing, withdrawn procedures, and every kind of bad file refused with its line and
 * reason while nothing is stored. Run on H2 and on PostgreSQL.
 */
public abstract class PublicationCases {

    static final Path EXAMPLE_CATALOGUE = Path.of("examples/catalogue.json");
    static final Path EXAMPLE_CALENDAR = Path.of("examples/calendar-2027.json");
    static final Instant T0 = Instant.parse("2026-11-30T02:00:00Z");

    @TempDir
    Path data;

    static final Actor ADMIN = Actor.web("tinh.admin", "127.0.0.1");

    protected abstract Backend backend();

    @Test
    void theExampleCatalogueReachesDevicesWithItsExpiryAndFees() throws Exception {
        try (TestServer server = TestServer.start(backend(), data)) {
            TestDevice d = TestDevice.enrol(server);
            Updates before = page(server, d);
            assertTrue(before.items().stream().noneMatch(i -> i.itemType().equals(ProcedureData.ITEM_TYPE)));

            CataloguePublisher.Outcome o = publisher(server, T0).publish(Files.readAllBytes(EXAMPLE_CATALOGUE), Duration.ofDays(30));
            assertEquals(14, o.procedures());
            assertEquals(14, o.published());
            assertEquals(T0.plus(Duration.ofDays(30)), o.expiresAt());
            AuditLog.Entry audit = AuditLog.recent(server.services.db, 1, null).get(0);
            assertEquals(List.of("catalogue.publish", "tinh.admin", "web"), List.of(audit.action(), audit.actor(), audit.channel()));
            assertTrue(audit.detail().contains("procedures=14, new or changed=14, withdrawn=0"), audit.detail());

            Updates page = page(server, d);
            Map<String, Updates.Item> items = procedures(page);
            assertEquals(14, items.size());
            assertTrue(items.values().stream().allMatch(i -> i.version() == T0.toEpochMilli()),
                    "one publication: every new item's version is its time in ms");
            assertEquals(WireFormats.serverTime(T0.plus(Duration.ofDays(30))), page.catalogueExpiresAt());
            ProcedureData birth = ProcedureData.read(items.get("1.001193").data());
            assertEquals(0, birth.processingDays(), "a same-day note is 0 working days");
            assertEquals(java.util.Optional.of("15:00"), birth.afternoonCutOff());
            assertEquals(List.of(new ProcedureData.Fee("Lệ phí đăng ký khai sinh quá hạn", "8000"),
                    new ProcedureData.Fee("Phí cấp bản sao Giấy khai sinh (mỗi bản)", "8000")), birth.fees());
            assertEquals("Hộ tịch", birth.fieldName());
            assertEquals("2026-11-30", birth.validFrom());
            assertFalse(birth.withdrawn());
        }
    }

    @Test
    void identicalRepublicationAddsNoItemButRenewsTheExpiryAndChangesRiseAndWithdraw() throws Exception {
        try (TestServer server = TestServer.start(backend(), data)) {
            TestDevice d = TestDevice.enrol(server);
            byte[] file = Files.readAllBytes(EXAMPLE_CATALOGUE);
            publisher(server, T0).publish(file, Duration.ofDays(30));
            long seqAfterFirst = Tx.plain(server.services.db, Feed::state).lastSeq();

            Instant nextDay = T0.plus(Duration.ofDays(1));
            CataloguePublisher.Outcome again = publisher(server, nextDay).publish(file, Duration.ofDays(30));
            assertEquals(0, again.published());
            assertEquals(14, again.unchanged());
            assertEquals(seqAfterFirst, Tx.plain(server.services.db, Feed::state).lastSeq(), "nothing new in the feed");
            assertEquals(WireFormats.serverTime(nextDay.plus(Duration.ofDays(30))), page(server, d).catalogueExpiresAt());

            // A changed fee and processing time, and one procedure left out; the clock even went back a year.
            String changed = new String(file, StandardCharsets.UTF_8)
                    .replace("\"amountVnd\": \"8000\"", "\"amountVnd\": \"10000\"");
            List<String> lines = new java.util.ArrayList<>(List.of(changed.split("\n", -1)));
            String withoutFirst = dropFirstProcedure(lines);
            Instant earlier = T0.minus(Duration.ofDays(365));
            CataloguePublisher.Outcome third = publisher(server, earlier).publish(withoutFirst.getBytes(StandardCharsets.UTF_8),
                    Duration.ofDays(30));
            assertEquals(13, third.procedures());
            assertEquals(1, third.withdrawn());
            Map<String, Updates.Item> items = procedures(page(server, d));
            Updates.Item birth = items.get("1.001193");
            assertTrue(ProcedureData.read(birth.data()).withdrawn(), "left out of the file: withdrawn");
            assertEquals(T0.toEpochMilli() + 1, birth.version(), "max(previous + 1, time): a clock gone back cannot roll back");
            long rising = items.values().stream().filter(i -> i.version() > T0.toEpochMilli()).count();
            assertEquals(1, rising, "only the withdrawn one changed; its fee change went with it");

            // Withdrawn once only; listed again, it comes back with a new version.
            assertEquals(0, publisher(server, earlier).publish(withoutFirst.getBytes(StandardCharsets.UTF_8), Duration.ofDays(1)).withdrawn());
            publisher(server, T0.plus(Duration.ofDays(2))).publish(changed.getBytes(StandardCharsets.UTF_8), Duration.ofDays(30));
            Updates.Item back = procedures(page(server, d)).get("1.001193");
            assertFalse(ProcedureData.read(back.data()).withdrawn());
            assertEquals("10000", ProcedureData.read(back.data()).fees().get(0).amountVnd());
            assertEquals(T0.plus(Duration.ofDays(2)).toEpochMilli(), back.version());
        }
    }

    @Test
    void badCataloguesAreRefusedWithLineAndReasonAndStoreNothing() throws Exception {
        try (TestServer server = TestServer.start(backend(), data)) {
            String good = Files.readString(EXAMPLE_CATALOGUE);
            publisher(server, T0).publish(good.getBytes(StandardCharsets.UTF_8), Duration.ofDays(30));
            DbSnapshot before = DbSnapshot.of(server.services.db);
            int codeLine = lineOf(good, "\"code\": \"1.000894\"");
            assertRefused(server, good.replace("\"code\": \"1.000894\"", "\"code\": \"1.001193\""), codeLine, "listed twice");
            assertRefused(server, good.replace("\"code\": \"1.000894\"", "\"code\": null"), codeLine - 1, "code is missing");
            assertRefused(server, good.replace("\"code\": \"1.000894\"", "\"cdoe\": \"1.000894\""), codeLine, "unknown member \"cdoe\"");
            int daysLine = lineOf(good, "\"durationWorkingDays\": 5");
            assertRefused(server, replaceAt(good, daysLine, "\"durationWorkingDays\": 5", "\"durationWorkingDays\": 2.5"), daysLine,
                    "whole number of working days");
            int nameLine = lineOf(good, "\"name\": \"Thủ tục đăng ký kết hôn\"");
            assertRefused(server, replaceAt(good, nameLine, "\"name\": \"Thủ tục đăng ký kết hôn\"", "\"name\": \"Thủ tục \"đăng\" ký\""),
                    nameLine, "not valid JSON");
            assertRefused(server, good.replace("\"amountVnd\": \"8000\"", "\"amountVnd\": 8000"), lineOf(good, "\"amountVnd\": \"8000\""),
                    "amountVnd must be a whole number of đồng");
            assertRefused(server, good.replace("\"durationNote\": \"Ngay khi", "\"durationNote\": \"Sau khi"), nameLine - 2,
                    "has no processing time");
            assertRefused(server, "{\"code\": \"1.000894\"}", 1, "a catalogue is a JSON array");
            assertRefused(server, "[]", 1, "lists no procedure");
            assertRefused(server, "", 0, "the file is empty");
            assertEquals(List.of(), DbSnapshot.of(server.services.db).differences(before), "a refused file stores nothing");
        }
    }

    @Test
    void aCalendarYearIsPublishedOnceAndBadCalendarsAreRefused() throws Exception {
        try (TestServer server = TestServer.start(backend(), data)) {
            TestDevice d = TestDevice.enrol(server);
            String good = Files.readString(EXAMPLE_CALENDAR);
            CalendarPublisher.Outcome o = new CalendarPublisher(server.services.db, Clock.fixed(T0, ZoneOffset.UTC), ADMIN)
                    .publish(good.getBytes(StandardCharsets.UTF_8));
            assertEquals(List.of(2027), o.published());
            assertEquals("calendar.publish", AuditLog.recent(server.services.db, 1, null).get(0).action());
            String withSwap = good.replace("\"swappedDays\": []",
                    "\"swappedDays\": [{\"date\": \"2027-09-03\", \"kind\": \"dayOff\"}, {\"date\": \"2027-09-11\", \"kind\": \"workday\"}]")
                    .replace(",\n    {\n      \"date\": \"2027-09-03\",\n      \"name\": \"Quốc khánh (ngày liền kề)\"\n    }", "");
            Instant later = T0.plus(Duration.ofHours(1));
            CalendarPublisher publisher = new CalendarPublisher(server.services.db, Clock.fixed(later, ZoneOffset.UTC), ADMIN);
            assertEquals(List.of(2027), publisher.publish(withSwap.getBytes(StandardCharsets.UTF_8)).published());
            assertEquals(List.of(), publisher.publish(withSwap.getBytes(StandardCharsets.UTF_8)).published(), "unchanged: no new version");
            Updates.Item item = page(server, d).items().stream().filter(i -> i.itemType().equals(CalendarData.ITEM_TYPE)).findFirst()
                    .orElseThrow();
            CalendarData year = CalendarData.read(item.data());
            assertEquals("2027", item.key());
            assertEquals(later.toEpochMilli(), item.version());
            assertEquals(List.of("2027-01-01", "2027-04-30", "2027-05-01", "2027-09-02"), year.holidays());
            assertEquals(List.of(new CalendarData.Swap("2027-09-03", "dayOff"), new CalendarData.Swap("2027-09-11", "workday")),
                    year.swappedDays());
            assertEquals("Tết Dương lịch", year.names().get("2027-01-01"));

            DbSnapshot before = DbSnapshot.of(server.services.db);
            int line = lineOf(good, "\"date\": \"2027-05-01\"");
            assertCalendarRefused(server, good.replace("\"date\": \"2027-05-01\"", "\"date\": \"2028-05-01\""), line, "is not in 2027");
            assertCalendarRefused(server, good.replace("\"date\": \"2027-05-01\"", "\"date\": \"2027-04-30\""), line, "given twice");
            assertCalendarRefused(server, good.replace("\"date\": \"2027-05-01\"", "\"date\": \"2027-05-32\""), line, "is not a date");
            assertCalendarRefused(server, good.replace("\"swappedDays\": []", "\"swappedDays\": [{\"date\": \"2027-09-06\", \"kind\": \"workday\"}]"),
                    lineOf(good, "\"swappedDays\": []"), "only a Saturday or Sunday");
            assertCalendarRefused(server, good.replace("\"swappedDays\": []", "\"swappedDays\": [{\"date\": \"2027-09-11\", \"kind\": \"holiday\"}]"),
                    lineOf(good, "\"swappedDays\": []"), "kind must be");
            assertCalendarRefused(server, good.replace("\"year\": 2027", "\"year\": \"2027\""), 2, "year must be a whole number");
            assertCalendarRefused(server, good.replace("\"holidays\"", "\"holiday\""), lineOf(good, "\"holidays\""), "unknown member");
            assertCalendarRefused(server, good.replace("\"year\": 2027,", "\"year\": 2027,,"), 2, "not valid JSON");
            assertEquals(List.of(), DbSnapshot.of(server.services.db).differences(before), "a refused file stores nothing");
        }
    }

    private static void assertRefused(TestServer server, String file, int line, String reason) {
        FileRefused e = assertThrows(FileRefused.class, () -> publisher(server, T0.plus(Duration.ofDays(9)))
                .publish(file.getBytes(StandardCharsets.UTF_8), Duration.ofDays(30)));
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.reason().contains(reason), e.getMessage());
    }

    private static void assertCalendarRefused(TestServer server, String file, int line, String reason) {
        FileRefused e = assertThrows(FileRefused.class, () -> new CalendarPublisher(server.services.db,
                Clock.fixed(T0.plus(Duration.ofDays(9)), ZoneOffset.UTC), ADMIN).publish(file.getBytes(StandardCharsets.UTF_8)));
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.reason().contains(reason), e.getMessage());
    }

    static CataloguePublisher publisher(TestServer server, Instant at) {
        return new CataloguePublisher(server.services.db, Clock.fixed(at, ZoneOffset.UTC), ADMIN);
    }

    static int lineOf(String text, String needle) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(needle)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException(needle);
    }

    private static String replaceAt(String text, int line, String from, String to) {
        String[] lines = text.split("\n", -1);
        lines[line - 1] = lines[line - 1].replace(from, to);
        return String.join("\n", lines);
    }

    /** The example file without its first procedure object (it starts at line 2 and ends at the first line "  },"). */
    private static String dropFirstProcedure(List<String> lines) {
        int end = lines.indexOf("  },");
        List<String> rest = new java.util.ArrayList<>(lines.subList(0, 1));
        rest.addAll(lines.subList(end + 1, lines.size()));
        return String.join("\n", rest);
    }

    private static Map<String, Updates.Item> procedures(Updates page) {
        return page.items().stream().filter(i -> i.itemType().equals(ProcedureData.ITEM_TYPE))
                .collect(Collectors.toMap(Updates.Item::key, i -> i));
    }

    private static Updates page(TestServer server, TestDevice d) throws Exception {
        DeviceRecord record = Tx.plain(server.services.db, c -> Devices.active(c, d.deviceId));
        return server.services.feed.page(record, new byte[16], null, null, 200);
    }
}
