package org.motcua.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.core.calendar.CalendarEntry;
import org.motcua.core.calendar.DayKind;
import org.motcua.core.calendar.DeadlineCalculator;
import org.motcua.core.catalogue.Procedure;
import org.motcua.core.catalogue.ProcedureCatalogue;
import org.motcua.core.dossier.Dossier;
import org.motcua.core.lifecycle.Role;
import org.motcua.protocol.codec.Sha256;
import org.motcua.protocol.feed.CalendarData;
import org.motcua.protocol.feed.ProcedureData;
import org.motcua.protocol.json.CanonicalJson;
import org.motcua.protocol.json.StrictJson;
import org.motcua.store.sync.FeedStore;
import org.motcua.store.sync.ReferenceData;

/**
 * §10 on the desk: procedure and calendar items change the catalogue and calendar in the transaction that moves the
 * feed cursor; a dossier keeps the catalogue version (processing time, fees) it was received under; a new calendar
 * recomputes no due date already stored; a withdrawn procedure is no longer offered but its dossiers keep it.
 */
class FeedReferenceDataTest {

    static final long V1 = Instant.parse("2026-11-30T02:00:00Z").toEpochMilli();
    static final LocalDateTime TUESDAY = LocalDateTime.of(2026, 12, 1, 9, 0);

    @TempDir
    Path dir;

    @Test
    void proceduresAndCalendarAreAppliedWithTheCursorOrNotAtAll() {
        try (Store store = StoreFixture.newStore(dir, "desk", 1)) {
            FeedStore feed = new FeedStore(store);
            AtomicInteger told = new AtomicInteger();
            store.addReferenceDataListener(told::incrementAndGet);
            UUID feedId = UUID.randomUUID();

            // A page whose second item cannot be stored (a day listed twice): nothing of it stays, cursor included.
            CalendarData broken = new CalendarData(2026, List.of("2026-12-03", "2026-12-03"), List.of(), Map.of());
            assertThrows(RuntimeException.class, () -> feed.apply(List.of(item(deathReRegistration(7, "20000", false), V1),
                    item(broken, V1)), new FeedStore.Cursor(feedId, 2, Optional.of("2027-03-01T02:00:00.000Z"))));
            assertEquals(Optional.empty(), feed.cursor());
            assertEquals(1, store.catalogue().latest("1.005461").orElseThrow().version(), "the procedure went with the cursor");
            assertEquals(0, told.get(), "no listener for a rolled-back page");

            feed.apply(List.of(item(deathReRegistration(7, "20000", false), V1), item(calendar2026(), V1)),
                    new FeedStore.Cursor(feedId, 2, Optional.of("2027-03-01T02:00:00.000Z")));
            assertEquals(2, feed.cursor().orElseThrow().lastSeq());
            assertEquals(1, told.get(), "told once, after the commit");
            ProcedureCatalogue catalogue = store.catalogue();
            Procedure v2 = catalogue.latest("1.005461").orElseThrow();
            assertEquals(2, v2.version(), "the desk numbers the province's version after the sample's");
            assertEquals(7, v2.processingTime().amount());
            assertTrue(v2.feeText().startsWith("Lệ phí đăng ký lại khai tử: 20.000 đồng"), v2.feeText());
            assertFalse(v2.sample());
            assertEquals(List.of("1.005461"), catalogue.current().stream().map(Procedure::code).toList(),
                    "once the province sent a catalogue, sample procedures it never sent are not offered");
            assertTrue(catalogue.version("1.001193", 1).isPresent(), "but their versions stay for dossiers received under them");

            ReferenceData reference = new ReferenceData(store);
            assertEquals(Optional.of(V1), reference.catalogue().feedVersion());
            assertEquals(List.of(2026), reference.calendarYears().stream().map(ReferenceData.CalendarYear::year).toList());
            List<CalendarEntry> days = reference.calendarEntries().get(2026);
            assertEquals(List.of("2026-01-01", "2026-12-03"), days.stream().map(e -> e.date().toString()).toList());
            assertEquals(DayKind.HOLIDAY, days.get(1).kind());
            assertEquals("Ngày nghỉ thử", days.get(1).name());
            assertFalse(reference.catalogueExpired(Instant.parse("2027-03-01T01:59:59Z")));
            assertTrue(reference.catalogueExpired(Instant.parse("2027-03-01T02:00:01Z")), "past catalogueExpiresAt: warn");
        }
    }

    @Test
    void aDossierKeepsItsVersionAndDueDateWhenTheCatalogueAndCalendarChange() {
        try (Store store = StoreFixture.newStore(dir, "desk", 1)) {
            Procedure sampleVersion = store.catalogue().latest("1.005461").orElseThrow();
            DossierIntake before = new DossierIntake(store, StoreFixture.DEADLINES);
            Dossier old = before.receive(StoreFixture.intake(sampleVersion, 1, TUESDAY), Role.RECEIVING_OFFICER, TUESDAY);
            assertEquals(LocalDateTime.of(2026, 12, 8, 9, 0), old.dueAt(), "5 working days");

            new FeedStore(store).apply(List.of(item(deathReRegistration(7, "20000", false), V1), item(calendar2026(), V1)),
                    new FeedStore.Cursor(UUID.randomUUID(), 2, Optional.of("2027-03-01T02:00:00.000Z")));

            Dossier kept = store.dossier(old.id()).orElseThrow();
            assertEquals(1, kept.procedureVersion(), "a dossier keeps the version it was received under");
            assertEquals(old.dueAt(), kept.dueAt(), "a due date promised to a citizen is never recomputed");
            assertEquals(5, store.catalogue().version("1.005461", kept.procedureVersion()).orElseThrow().processingTime().amount());
            assertTrue(store.catalogue().version("1.005461", 1).orElseThrow().feeText().startsWith("5.000 đồng"));

            // A dossier received now: the new version (7 days) and the new holiday on Thursday 3 December.
            DeadlineCalculator now = new DeadlineCalculator(StoreFixture.DEADLINES.calendar()
                    .withYearsReplaced(new ReferenceData(store).calendarEntries()));
            Procedure current = store.catalogue().latest("1.005461").orElseThrow();
            Dossier fresh = new DossierIntake(store, now).receive(StoreFixture.intake(current, 2, TUESDAY), Role.RECEIVING_OFFICER,
                    TUESDAY);
            assertEquals(2, fresh.procedureVersion());
            assertEquals(LocalDateTime.of(2026, 12, 11, 9, 0), fresh.dueAt(), "7 working days with 3 December off");
        }
    }

    @Test
    void aWithdrawnProcedureIsNoLongerOfferedAndComesBackWhenPublishedAgain() {
        try (Store store = StoreFixture.newStore(dir, "desk", 1)) {
            FeedStore feed = new FeedStore(store);
            UUID feedId = UUID.randomUUID();
            feed.apply(List.of(item(deathReRegistration(5, "0", false), V1)), new FeedStore.Cursor(feedId, 1, Optional.empty()));
            Dossier d = new DossierIntake(store, StoreFixture.DEADLINES).receive(StoreFixture.intake(
                    store.catalogue().latest("1.005461").orElseThrow(), 1, TUESDAY), Role.RECEIVING_OFFICER, TUESDAY);

            feed.apply(List.of(item(deathReRegistration(5, "0", true), V1 + 1)), new FeedStore.Cursor(feedId, 2, Optional.empty()));
            ProcedureCatalogue catalogue = store.catalogue();
            assertTrue(catalogue.current().isEmpty());
            assertTrue(catalogue.isWithdrawn("1.005461"));
            assertTrue(catalogue.version("1.005461", d.procedureVersion()).isPresent(), "its dossiers keep their rules");
            assertEquals(Optional.of(V1 + 1), new ReferenceData(store).catalogue().feedVersion());

            feed.apply(List.of(item(deathReRegistration(6, "0", false), V1 + 2)), new FeedStore.Cursor(feedId, 3, Optional.empty()));
            assertEquals(List.of(3), store.catalogue().current().stream().map(Procedure::version).toList());
        }
    }

    static ProcedureData deathReRegistration(int days, String fee, boolean withdrawn) {
        return new ProcedureData("1.005461", "Đăng ký lại khai tử", days, List.of(new ProcedureData.Document(
                "Tờ khai đăng ký lại khai tử theo mẫu", "bản chính", 1, true, Optional.empty())),
                List.of(new ProcedureData.Fee("Lệ phí đăng ký lại khai tử", fee)), "2026-11-30", withdrawn, "Hộ tịch",
                Optional.of("miễn khi nộp trực tuyến"), Optional.empty(), Optional.empty());
    }

    static CalendarData calendar2026() {
        return new CalendarData(2026, List.of("2026-01-01", "2026-12-03"), List.of(), Map.of("2026-12-03", "Ngày nghỉ thử"));
    }

    @Test
    void theProvincesLookupPageIsReadFromItsFeedItemAndCanBeWithdrawn() {
        try (Store store = StoreFixture.newStore(dir, "desk", 1)) {
            FeedStore feed = new FeedStore(store);
            UUID feedId = UUID.randomUUID();
            assertEquals(Optional.empty(), feed.lookupPageUrl());
            ObjectNode page = StrictJson.nodes().objectNode().put("url", "https://motcua.tinh.gov.vn/tra-cuu");
            feed.apply(List.of(item(FeedStore.LOOKUP_PAGE, FeedStore.LOOKUP_PAGE_KEY, page, V1)),
                    new FeedStore.Cursor(feedId, 1, Optional.of("2027-03-01T02:00:00.000Z")));
            assertEquals(Optional.of("https://motcua.tinh.gov.vn/tra-cuu"), feed.lookupPageUrl());
            feed.apply(List.of(item(FeedStore.LOOKUP_PAGE, FeedStore.LOOKUP_PAGE_KEY, StrictJson.nodes().objectNode(), V1 + 1)),
                    new FeedStore.Cursor(feedId, 2, Optional.of("2027-03-01T02:00:00.000Z")));
            assertEquals(Optional.empty(), feed.lookupPageUrl(), "withdrawn: receipts go back to code|token");
        }
    }

    static FeedStore.Item item(ProcedureData p, long version) {
        return item(ProcedureData.ITEM_TYPE, p.procedureCode(), p.toJson(), version);
    }

    static FeedStore.Item item(CalendarData y, long version) {
        return item(CalendarData.ITEM_TYPE, Integer.toString(y.year()), y.toJson(), version);
    }

    private static FeedStore.Item item(String type, String key, ObjectNode data, long version) {
        byte[] bytes = CanonicalJson.write(data);
        return new FeedStore.Item(type, key, version, Sha256.hex(bytes), bytes);
    }
}
