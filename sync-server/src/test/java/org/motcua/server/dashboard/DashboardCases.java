package org.motcua.server.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.motcua.server.dashboard.DashboardFixture.CHUNG_THUC;
import static org.motcua.server.dashboard.DashboardFixture.HO_TICH;
import static org.motcua.server.dashboard.DashboardFixture.NOW;
import static org.motcua.server.dashboard.DashboardFixture.UNIT_A;
import static org.motcua.server.dashboard.DashboardFixture.UNIT_B;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.motcua.server.dashboard.CommuneOverview.Commune;
import org.motcua.server.dashboard.LateDossiers.Late;
import org.motcua.server.testing.Backend;
import org.motcua.server.testing.MutableClock;
import org.motcua.server.testing.TestServer;
import org.motcua.server.web.Messages;

/**
 * The dashboard's figures without HTTP, on hand-made data synced by two communes' devices ({@link DashboardFixture}),
 * on the backend the subclass names.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DashboardCases {

    TestServer server;
    final MutableClock clock = new MutableClock(DashboardFixture.B_SYNC);
    DashboardFixture data;

    abstract Backend backend();

    @BeforeAll
    void start() throws IOException {
        server = TestServer.start(backend(), Files.createTempDirectory("motcua-dashboard-"), c -> c.clock = clock);
        data = new DashboardFixture(server, clock);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private List<Commune> communes(Optional<String> scope) throws Exception {
        return new CommuneOverview(server.services.db).communes(scope, NOW);
    }

    @Test
    void theOverviewCountsEachCommunesMonth() throws Exception {
        List<Commune> all = communes(Optional.empty());
        assertEquals(List.of(UNIT_A, UNIT_B), all.stream().map(Commune::unitCode).toList());
        Commune a = all.get(0);
        assertEquals(7, a.receivedThisMonth(), "a1..a7 received in June; a8 and a9 in May");
        assertEquals(4, a.inProcess());
        assertEquals(2, a.overdue(), "a4 and a5 (apologised: still late); a7 waits for the citizen");
        assertEquals(1, a.dueSoon());
        assertEquals(new Judged(2, 1, 1), a.thisMonth(), "a1 and a9 early, a2 on time, a3 late; a8 ended in May");
        assertEquals(75.0, a.thisMonth().onTimeRate(), 1e-9);
        assertEquals(new CommuneOverview.Ratings(1, 0, 0), a.ratings(), "a1's citizen was satisfied");
        Commune b = all.get(1);
        assertEquals(2, b.receivedThisMonth());
        assertEquals(1, b.inProcess());
        assertEquals(1, b.overdue());
        assertEquals(0, b.dueSoon());
        assertEquals(new Judged(0, 1, 0), b.thisMonth(), "a step without a judgement is judged by its due date");
        assertEquals("Xã Hòa Bình " + UNIT_B, b.unitName());
        assertNull(b.ratings().satisfiedShare(), "no rating in B");
    }

    @Test
    void eachDevicesLastSyncAndWhatItIsEstimatedToHoldBack() throws Exception {
        List<Commune> all = communes(Optional.empty());
        Commune a = all.get(0);
        Commune b = all.get(1);
        assertEquals(1, a.devices().size());
        assertEquals(NOW, a.oldestSync());
        assertEquals(0L, a.heldBack(), "synced just now");
        assertEquals(DashboardFixture.B_SYNC, b.oldestSync());
        assertEquals(6L, b.heldBack(), "3 events in a one-day epoch, silent for two days");
        assertEquals(data.b.device.deviceId, b.devices().get(0).deviceId());
    }

    @Test
    void aCommuneScopeReadsOnlyThatCommune() throws Exception {
        List<Commune> onlyB = communes(Optional.of(UNIT_B));
        assertEquals(1, onlyB.size());
        assertEquals(UNIT_B, onlyB.get(0).unitCode());
        assertEquals(1, onlyB.get(0).overdue());
        assertTrue(new LateDossiers(server.services.db).list(Optional.of(UNIT_B), NOW).dossiers().stream()
                .allMatch(d -> d.unitCode().equals(UNIT_B)));
    }

    @Test
    void theLateListShowsTheLatestFirstWithHolderAndApology() throws Exception {
        LateDossiers.LateList late = new LateDossiers(server.services.db).list(Optional.empty(), NOW);
        assertEquals(3, late.total());
        List<Late> rows = late.dossiers();
        assertEquals(List.of(data.b1, data.a5, data.a4), rows.stream().map(Late::dossierId).toList());

        Late b1 = rows.get(0);
        assertEquals("can-bo-b", b1.holder(), "no step yet: the officer who received it holds it");
        assertEquals(Instant.parse("2025-06-05T01:00:00Z"), b1.heldSince());
        assertEquals(Duration.ofDays(9).plusHours(17), b1.lateBy());
        assertEquals(10, b1.daysLate());
        assertFalse(b1.apologised());

        Late a5 = rows.get(1);
        assertEquals("officer-07", a5.holder(), "the apology step is the last handover");
        assertTrue(a5.apologised());
        assertEquals(Instant.parse("2025-06-16T08:00:00Z"), a5.apologisedAt());
        assertEquals(Instant.parse("2025-06-24T10:00:00Z"), a5.promisedDue());
        assertEquals(Instant.parse("2025-06-17T10:00:00Z"), a5.dueAt(), "late from the receipt's date, not the new one");

        Late a4 = rows.get(2);
        assertEquals("chuyenvien-tuphap", a4.holder());
        assertEquals(Instant.parse("2025-06-10T02:00:00Z"), a4.heldSince());
        assertEquals(2, a4.daysLate());
        assertFalse(a4.apologised());
    }

    @Test
    void onTimeRatesByProcedureAndByField() throws Exception {
        OnTimeRates.Report june = new OnTimeRates(server.services.db).report(Optional.empty(),
                Periods.days(LocalDate.of(2025, 6, 1), LocalDate.of(2025, 6, 30)));
        assertEquals(new Judged(2, 2, 1), june.total());
        assertEquals(80.0, june.total().onTimeRate(), 1e-9);
        assertEquals(List.of(HO_TICH, CHUNG_THUC), june.byProcedure().stream().map(OnTimeRates.Line::key).toList());
        assertEquals(new Judged(2, 1, 0), june.byProcedure().get(0).judged());
        assertEquals(new Judged(0, 1, 1), june.byProcedure().get(1).judged());
        assertEquals(List.of("Hộ tịch", "Chứng thực"), june.byField().stream().map(OnTimeRates.Line::name).toList());
        assertEquals(50.0, june.byField().get(1).judged().onTimeRate(), 1e-9);

        OnTimeRates.Report aOnly = new OnTimeRates(server.services.db).report(Optional.of(UNIT_A),
                Periods.days(LocalDate.of(2025, 5, 1), LocalDate.of(2025, 6, 30)));
        assertEquals(new Judged(2, 2, 1), aOnly.total(), "May's a8 joins, B's b2 leaves");
        assertEquals(new Judged(0, 0, 1), aOnly.byProcedure().stream().filter(l -> l.key().equals(CHUNG_THUC)).findFirst()
                .orElseThrow().judged());

        OnTimeRates.Report empty = new OnTimeRates(server.services.db).report(Optional.empty(),
                Periods.days(LocalDate.of(2025, 7, 1), LocalDate.of(2025, 7, 31)));
        assertEquals(Judged.NONE, empty.total());
        assertNull(empty.total().onTimeRate());
    }

    @Test
    void theCsvHasABomVietnameseHeadingsAndBothSeparators() throws Exception {
        OnTimeRates.Report june = new OnTimeRates(server.services.db).report(Optional.empty(),
                Periods.days(LocalDate.of(2025, 6, 1), LocalDate.of(2025, 6, 30)));
        byte[] comma = RatesCsv.write(june, false, Messages.vietnamese()::get);
        assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(comma[0], comma[1], comma[2]));
        String[] lines = new String(comma, 3, comma.length - 3, StandardCharsets.UTF_8).split("\r\n");
        assertEquals("Nhóm,Mã,Tên,Trước hạn,Đúng hạn,Trễ hạn,Tổng,Tỷ lệ đúng và trước hạn (%)", lines[0]);
        assertEquals("Thủ tục,1.001234,,2,1,0,3,100.00", lines[1]);
        assertEquals("Thủ tục,2.000889,,0,1,1,2,50.00", lines[2]);
        assertEquals("Lĩnh vực,,Hộ tịch,2,1,0,3,100.00", lines[3]);
        assertEquals("Tổng cộng,,,2,2,1,5,80.00", lines[5]);
        String semicolon = new String(RatesCsv.write(june, true, Messages.vietnamese()::get), StandardCharsets.UTF_8);
        assertTrue(semicolon.contains("\r\nThủ tục;2.000889;;0;1;1;2;50,00\r\n"), semicolon);
        assertTrue(semicolon.endsWith("Tổng cộng;;;2;2;1;5;80,00\r\n"), semicolon);
    }

    @Test
    void thePdfCarriesTheFiguresInVietnamese() throws Exception {
        OnTimeRates.Report june = new OnTimeRates(server.services.db).report(Optional.empty(),
                Periods.days(LocalDate.of(2025, 6, 1), LocalDate.of(2025, 6, 30)));
        byte[] pdf = RatesPdf.write(june, List.of("Tỷ lệ giải quyết đúng hạn", "Kỳ báo cáo: từ 01/06/2025 đến 30/06/2025"),
                Messages.vietnamese()::get);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("Tỷ lệ giải quyết đúng hạn"), text);
            assertTrue(text.contains("Kỳ báo cáo: từ 01/06/2025 đến 30/06/2025"), text);
            assertTrue(text.contains("Chứng thực"), text);
            assertTrue(text.contains("Lĩnh vực"), text);
            assertTrue(text.contains("50,0 %") && text.contains("80,0 %"), text);
        }
    }

    @Test
    void aDossiersTrailHasItsTimelineDeviceAndBatch() throws Exception {
        DossierTrail.Trail trail = new DossierTrail(server.services.db).find(data.a5).orElseThrow();
        assertEquals(UNIT_A, trail.dossier().unitCode());
        assertEquals(data.a.device.deviceId, trail.dossier().origin().deviceId());
        assertEquals(Integer.valueOf(data.a.device.deviceNumber), trail.dossier().origin().deviceNumber());
        assertEquals(Instant.parse("2025-06-17T10:00:00Z"), trail.dossier().originalDueAt());
        assertEquals(Instant.parse("2025-06-24T10:00:00Z"), trail.dossier().dueAt());
        assertEquals(List.of("HAND_OVER_FOR_PROCESSING", "EXTEND_DEADLINE"), trail.steps().stream().map(DossierTrail.Step::action).toList());
        assertEquals(1, trail.batches().size(), "its three events came in one batch");
        DossierTrail.Batch batch = trail.batches().get(0);
        assertEquals(3, batch.events().size());
        assertTrue(batch.events().get(0).startsWith("DossierReceived #"), batch.events().toString());
        assertEquals(NOW, batch.committedAt());
        assertTrue(new DossierTrail(server.services.db).find("00000000-0000-4000-8000-000000000000").isEmpty());
    }
}
