package org.motcua.server.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.protocol.feed.ProcedureData;
import org.motcua.server.ServerConfig;
import org.motcua.server.feed.Feed;
import org.motcua.server.feed.FeedScope;
import org.motcua.server.persistence.Sql;
import org.motcua.server.persistence.Tx;
import org.motcua.server.testing.Backend;
import org.motcua.server.testing.MutableClock;
import org.motcua.server.testing.TestServer;

/** The national export on a real server (H2 file or PostgreSQL), fed by a real device's signed batches. */
abstract class ExportCases {

    static final ObjectMapper JSON = new ObjectMapper();

    /** The members domain.md lists for each record, no more and no fewer. */
    static final Set<String> DOSSIER_MEMBERS = Set.of("MaHoSo", "MaTTHC", "TenTTHC", "MaLinhVuc", "TenLinhVuc", "KenhThucHien",
            "ChuHoSo", "LoaiDoiTuong", "MaDoiTuong", "ThongTinKhac", "Email", "Fax", "SoDienThoai", "TrichYeuHoSo", "NgayTiepNhan",
            "NgayHenTra", "TrangThaiHoSo", "NgayTra", "ThongTinTra", "HinhThuc", "NgayKetThucXuLy", "DonViXuLy", "GhiChu",
            "DanhSachLePhi", "DanhSachTepDinhKemKhac", "DanhSachHoSoBoSung", "TaiLieuNop", "DanhSachGiayToKetQua");
    static final Set<String> SUPPLEMENT_MEMBERS = Set.of("HoSoBoSungId", "NguoiYeuCauBoSung", "NoiDungBoSung", "NgayBoSung",
            "NguoiTiepNhanBoSung", "ThongTinTiepNhan", "NgayTiepNhanBoSung", "TrangThaiBoSung", "DanhSachGiayToBoSung",
            "DanhSachLePhiBoSung", "NgayHenTraTruoc", "NgayHenTraMoi");
    static final Set<String> PROGRESS_MEMBERS = Set.of("MaHoSo", "NguoiXuLy", "ChucDanh", "ThoiDiemXuLy", "PhongBanXuLy",
            "NoiDungXuLy", "TrangThai", "NgayBatDau", "NgayKetThucTheoQuyDinh");
    static final List<String> LIFE_KEYS = List.of("hoso", "tiendo-2", "tiendo-3", "hoso-3", "tiendo-4", "hoso-4", "tiendo-5",
            "hoso-5", "tiendo-6", "hoso-6");

    @TempDir
    Path data;

    final MutableClock clock = new MutableClock(Instant.parse("2025-06-10T02:00:00Z"));

    abstract Backend backend();

    TestServer start(Consumer<ServerConfig> tweak) {
        return TestServer.start(backend(), data, c -> {
            c.clock = clock;
            tweak.accept(c);
        });
    }

    /** Settings writing under {@code dataDir}/national-export. */
    ExportSettings settings(Path dataDir, String endpoint) {
        return ExportSettings.of(dataDir, endpoint, "phien-thu-nghiem").withIdle(Duration.ofMillis(20))
                .withBackoff(new Backoff(Duration.ofMillis(10), Duration.ofMillis(80), () -> 0.5));
    }

    static void publishProcedure(TestServer server) throws Exception {
        Tx.durable(server.services.db, c -> Feed.publish(c, ProcedureData.ITEM_TYPE, "1.001234", FeedScope.province(),
                new ProcedureData("1.001234", "Thủ tục đăng ký khai sinh", 0, List.of(), List.of(), "2025-01-01", false, "Hộ tịch",
                        Optional.empty(), Optional.empty(), Optional.empty()).toJson(), server.config.clock.instant()));
    }

    static void drain(ExportWorker worker) throws Exception {
        for (int i = 0; i < 1000 && worker.runOnce().sent() > 0; i++) {
            // each round sends at most one record per dossier
        }
    }

    /** Every line of the daily files under {@code dataDir}, in file order. */
    static List<JsonNode> fileLines(Path dataDir) throws IOException {
        Path dir = dataDir.resolve("national-export");
        List<JsonNode> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                for (String line : Files.readAllLines(f)) {
                    out.add(JSON.readTree(line));
                }
            }
        }
        return out;
    }

    static Set<String> members(JsonNode n) {
        Set<String> out = new TreeSet<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }

    /** The keys of one dossier's records in the order they arrived. */
    static List<String> keysOf(List<String> keys, String code) {
        return keys.stream().filter(k -> k.startsWith(code + "/")).map(k -> k.substring(code.length() + 1)).toList();
    }

    @Test
    void recordsFollowTheNationalShapesFieldByField() throws Exception {
        try (TestServer server = start(c -> {
        })) {
            publishProcedure(server);
            ExportDossiers desk = new ExportDossiers(server);
            ExportDossiers.Made m = desk.whole();
            Path dir = data;
            try (ExportWorker worker = new ExportWorker(server.services.db, clock, settings(dir, null))) {
                drain(worker);
                assertEquals(0, worker.pending());
            }
            assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(dir.resolve("national-export"))), "personal data: the server's user only");
            List<JsonNode> lines = fileLines(dir);
            assertEquals(LIFE_KEYS, keysOf(lines.stream().map(l -> l.get("key").asText()).toList(), m.code()),
                    "one record per reception and step, in order per dossier");
            Map<String, JsonNode> byKey = new LinkedHashMap<>();
            lines.forEach(l -> byKey.put(l.get("key").asText(), l));
            String unitName = "Xã Hòa Bình " + desk.device.unitCode;

            JsonNode first = byKey.get(m.code() + "/hoso");
            assertEquals("DongBoHoSoMC", first.get("service").asText());
            assertEquals(desk.device.unitCode, first.get("madonvi").asText());
            assertEquals("False", first.get("isUpdating").asText());
            assertTrue(first.path("session").isMissingNode(), "the session token never reaches the files");
            JsonNode d = first.get("data").get(0);
            assertEquals(DOSSIER_MEMBERS, members(d));
            assertEquals(m.code(), d.get("MaHoSo").asText());
            assertEquals("1.001234", d.get("MaTTHC").asText());
            assertEquals("Thủ tục đăng ký khai sinh", d.get("TenTTHC").asText());
            assertEquals("", d.get("MaLinhVuc").asText());
            assertEquals("Hộ tịch", d.get("TenLinhVuc").asText());
            assertEquals(1, d.get("KenhThucHien").asInt());
            assertEquals("Nguyễn Văn An", d.get("ChuHoSo").asText());
            assertEquals(1, d.get("LoaiDoiTuong").asInt());
            assertEquals("001090012345", d.get("MaDoiTuong").asText());
            assertEquals("Thôn 3, xóm Đông, Hòa Bình, Hà Nội", d.get("ThongTinKhac").asText());
            assertEquals("an@example.invalid", d.get("Email").asText());
            assertEquals("", d.get("Fax").asText());
            assertEquals("0912345678", d.get("SoDienThoai").asText());
            assertEquals("Thủ tục đăng ký khai sinh: Công dân nộp trực tiếp", d.get("TrichYeuHoSo").asText());
            assertEquals("20250531081530", d.get("NgayTiepNhan").asText());
            assertEquals("20250605170000", d.get("NgayHenTra").asText());
            assertEquals(2, d.get("TrangThaiHoSo").asInt());
            assertEquals("", d.get("NgayTra").asText());
            assertEquals("", d.get("ThongTinTra").asText());
            assertEquals(0, d.get("HinhThuc").asInt());
            assertEquals("", d.get("NgayKetThucXuLy").asText());
            assertEquals(unitName, d.get("DonViXuLy").asText());
            assertEquals("Công dân nộp trực tiếp", d.get("GhiChu").asText());
            assertEquals(0, d.get("DanhSachLePhi").size());
            assertEquals(JSON.readTree("[{\"TenGiayTo\":\"Tờ khai đăng ký khai sinh\",\"SoLuong\":1,\"LoaiGiayTo\":\"Bản chính\"},"
                    + "{\"TenGiayTo\":\"Giấy chứng sinh\",\"SoLuong\":1,\"LoaiGiayTo\":\"Bản sao có chứng thực\"}]"),
                    d.get("DanhSachTepDinhKemKhac"));
            assertEquals(0, d.get("DanhSachHoSoBoSung").size());
            assertEquals(0, d.get("TaiLieuNop").size());
            assertEquals(0, d.get("DanhSachGiayToKetQua").size());

            JsonNode supplement = byKey.get(m.code() + "/tiendo-3");
            assertEquals("CapNhatTienDoHoSoMC", supplement.get("service").asText());
            assertTrue(supplement.path("isUpdating").isMissingNode());
            JsonNode p = supplement.get("data").get(0);
            assertEquals(PROGRESS_MEMBERS, members(p));
            assertEquals(m.code(), p.get("MaHoSo").asText());
            assertEquals("officer-07", p.get("NguoiXuLy").asText());
            assertEquals("", p.get("ChucDanh").asText());
            assertEquals("20250602100000", p.get("ThoiDiemXuLy").asText());
            assertEquals(unitName, p.get("PhongBanXuLy").asText());
            assertEquals("Yêu cầu bổ sung, hoàn thiện hồ sơ: Thiếu bản sao CCCD", p.get("NoiDungXuLy").asText());
            assertEquals(5, p.get("TrangThai").asInt());
            assertEquals("20250602100000", p.get("NgayBatDau").asText());
            assertEquals("20250605170000", p.get("NgayKetThucTheoQuyDinh").asText());

            JsonNode last = byKey.get(m.code() + "/hoso-6");
            assertEquals("True", last.get("isUpdating").asText());
            JsonNode u = last.get("data").get(0);
            assertEquals(DOSSIER_MEMBERS, members(u));
            assertEquals(10, u.get("TrangThaiHoSo").asInt());
            assertEquals("20250606170000", u.get("NgayHenTra").asText(), "the due time the supplement's return moved");
            assertEquals("20250606094500", u.get("NgayTra").asText());
            assertEquals("Trả qua dịch vụ bưu chính, mã bưu gửi EB123456789VN", u.get("ThongTinTra").asText());
            assertEquals(1, u.get("HinhThuc").asInt());
            assertEquals("20250605110000", u.get("NgayKetThucXuLy").asText());
            JsonNode s = u.get("DanhSachHoSoBoSung");
            assertEquals(1, s.size());
            assertEquals(SUPPLEMENT_MEMBERS, members(s.get(0)));
            assertEquals("officer-07", s.get(0).get("NguoiYeuCauBoSung").asText());
            assertEquals("Thiếu bản sao CCCD", s.get(0).get("NoiDungBoSung").asText());
            assertEquals("20250602100000", s.get(0).get("NgayBoSung").asText());
            assertEquals("officer-07", s.get(0).get("NguoiTiepNhanBoSung").asText());
            assertEquals("Đã nộp bản sao", s.get(0).get("ThongTinTiepNhan").asText());
            assertEquals("20250603143000", s.get(0).get("NgayTiepNhanBoSung").asText());
            assertEquals(1, s.get(0).get("TrangThaiBoSung").asInt());
            assertEquals("20250605170000", s.get(0).get("NgayHenTraTruoc").asText());
            assertEquals("20250606170000", s.get(0).get("NgayHenTraMoi").asText());
            assertEquals(9, byKey.get(m.code() + "/hoso-5").get("data").get(0).get("TrangThaiHoSo").asInt());
            assertEquals("", byKey.get(m.code() + "/hoso-5").get("data").get(0).get("NgayTra").asText());
        }
    }

    @Test
    void aBatchsRecordsAreDerivedAfterItsCommitAndADerivationRunTwiceAddsNothing() throws Exception {
        try (TestServer server = start(c -> {
        })) {
            ExportDossiers desk = new ExportDossiers(server);
            String code = desk.whole().code();
            assertEquals(0, count(server, "SELECT COUNT(*) FROM export_outbox"), "the ingest's transaction writes no record");
            List<List<Object>> noted = Tx.read(server.services.db, c -> Sql.list(c,
                    "SELECT device_id, epoch_id, from_seq, to_seq, committed_at FROM export_batches",
                    rs -> List.<Object>of(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                            rs.getObject(5, java.time.OffsetDateTime.class))));
            assertEquals(1, noted.size(), "one note for the one batch");
            try (ExportWorker worker = new ExportWorker(server.services.db, clock, settings(data, null))) {
                assertEquals(LIFE_KEYS.size(), worker.pending(), "the backlog counts records not derived yet");
                assertEquals(1, worker.runOnce().derived());
                assertEquals(0, count(server, "SELECT COUNT(*) FROM export_batches"));
                assertEquals(LIFE_KEYS.size(), count(server, "SELECT COUNT(*) FROM export_outbox"));
                // a second instance that derived the same batch and crashed before forgetting it
                Tx.durable(server.services.db, c -> Sql.update(c, "INSERT INTO export_batches (device_id, epoch_id, "
                        + "from_seq, to_seq, committed_at) VALUES (?, ?, ?, ?, ?)", noted.get(0).toArray()));
                drain(worker);
                assertEquals(0, worker.pending());
                assertEquals(0, count(server, "SELECT COUNT(*) FROM export_batches"));
                assertEquals(LIFE_KEYS.size(), count(server, "SELECT COUNT(*) FROM export_outbox"));
            }
            assertEquals(LIFE_KEYS, keysOf(fileLines(data).stream().map(l -> l.get("key").asText()).toList(), code),
                    "each record written once, in order");
        }
    }

    static long count(TestServer server, String sql) throws Exception {
        return Tx.read(server.services.db, c -> Sql.count(c, sql));
    }

    @Test
    void aStepSyncedBeforeItsReceptionWaitsAndFollowsIt() throws Exception {
        try (TestServer server = start(c -> {
        }); PortalStub portal = new PortalStub()) {
            ExportDossiers desk = new ExportDossiers(server);
            ExportDossiers.Made m = desk.newCode();
            // The device's chain holds the reception first; the steps of a second device's chain can arrive earlier.
            ExportDossiers other = new ExportDossiers(server, desk);
            other.send(null, List.of(other.step(m, 2, "HAND_OVER_FOR_PROCESSING", 4, "2025-05-31T09:00:00.000+07:00", null, "",
                    Optional.empty())));
            try (ExportWorker worker = new ExportWorker(server.services.db, clock, settings(data.resolve("x"), portal.url()))) {
                drain(worker);
                assertEquals(List.of(), portal.accepted(), "nothing is sent for a dossier whose reception has not arrived");
                // The desk's own chain then brings the reception and the whole life, step 2 again included: the
                // record (dossier code, tiendo-2) exists already and is not added twice.
                desk.send(desk.reception(m), desk.life(m));
                drain(worker);
                assertEquals(0, worker.pending());
            }
            assertEquals(LIFE_KEYS, keysOf(portal.accepted().stream().map(PortalStub.Received::key).toList(), m.code()));
        }
    }

    @Test
    void aStepArrivingAfterLaterOnesNeverSendsAnOlderStateAsTheNewest() throws Exception {
        try (TestServer server = start(c -> {
        }); PortalStub portal = new PortalStub()) {
            ExportDossiers desk = new ExportDossiers(server);
            ExportDossiers.Made m = desk.newCode();
            List<org.motcua.protocol.doc.WireEvent> events = new ArrayList<>();
            events.add(desk.reception(m));
            events.add(desk.step(m, 2, "HAND_OVER_FOR_PROCESSING", 4, "2025-05-31T09:00:00.000+07:00", null, "", Optional.empty()));
            events.add(desk.step(m, 3, "MARK_DONE", 9, "2025-06-03T10:00:00.000+07:00", null, "", Optional.empty()));
            desk.send(events);
            try (ExportWorker worker = new ExportWorker(server.services.db, clock, settings(data, portal.url()))) {
                drain(worker);
                // Step 2's extension, recorded on another computer, comes in late.
                ExportDossiers other = new ExportDossiers(server, desk);
                other.send(null, List.of(other.step(m, 2, "EXTEND_DEADLINE", 4, "2025-06-02T08:00:00.000+07:00",
                        "2025-06-09T17:00:00.000+07:00", "Chờ xác minh", Optional.empty())));
                drain(worker);
                assertEquals(0, worker.pending());
            }
            List<PortalStub.Received> got = portal.accepted();
            assertEquals(List.of("hoso", "tiendo-2", "tiendo-3", "hoso-3", "hoso-2"),
                    keysOf(got.stream().map(PortalStub.Received::key).toList(), m.code()),
                    "the late step's update follows; its own progress record shares the key already sent");
            JsonNode late = got.get(got.size() - 1).body().get("data").get(0);
            assertEquals(9, late.get("TrangThaiHoSo").asInt(), "the dossier as of its newest step, not step 2's status");
            assertEquals("20250609170000", late.get("NgayHenTra").asText(), "with the late step's new due time");
        }
    }

    @Test
    void eachRecordIsSentOnceAcrossARestart() throws Exception {
        Path dir = data;
        List<String> codes = new ArrayList<>();
        String jdbcUrl;
        try (PortalStub portal = new PortalStub()) {
            try (TestServer server = start(c -> {
            })) {
                jdbcUrl = server.config.jdbcUrl;
                ExportDossiers desk = new ExportDossiers(server);
                for (int i = 0; i < 3; i++) {
                    codes.add(desk.whole().code());
                }
                try (ExportWorker worker = new ExportWorker(server.services.db, clock, settings(dir, portal.url()))) {
                    worker.runOnce();
                    worker.runOnce(); // part sent, part still pending when the server stops
                    assertTrue(worker.pending() > 0);
                }
            }
            try (TestServer again = start(c -> {
                if (jdbcUrl != null) {
                    c.jdbcUrl = jdbcUrl;
                }
            })) {
                ExportDossiers desk = new ExportDossiers(again);
                codes.add(desk.whole().code());
                try (ExportWorker worker = new ExportWorker(again.services.db, clock, settings(dir, portal.url()))) {
                    drain(worker);
                    assertEquals(0, worker.pending());
                }
            }
            List<String> keys = portal.accepted().stream().map(PortalStub.Received::key).toList();
            assertEquals(codes.size() * LIFE_KEYS.size(), keys.size(), "each record once");
            assertEquals(keys.size(), Set.copyOf(keys).size());
            for (String code : codes) {
                assertEquals(LIFE_KEYS, keysOf(keys, code));
            }
            assertEquals(keys, fileLines(dir).stream().map(l -> l.get("key").asText()).toList(),
                    "the files list what the endpoint accepted, once each");
            JsonNode body = portal.accepted().get(0).body();
            assertEquals("phien-thu-nghiem", body.get("session").asText());
            assertEquals(1, body.get("data").size());
        }
    }

    @Test
    void ingestGoesOnWhileTheEndpointIsDownAndEachRecordArrivesOnceAfterwards() throws Exception {
        try (TestServer server = start(c -> {
        }); PortalStub portal = new PortalStub()) {
            portal.up.set(false);
            ExportDossiers desk = new ExportDossiers(server);
            List<String> codes = new ArrayList<>();
            try (ExportWorker worker = new ExportWorker(server.services.db, clock, settings(data.resolve("out"), portal.url())).start()) {
                for (int i = 0; i < 4; i++) {
                    codes.add(desk.whole().code()); // each batch acknowledged (200) while the export fails
                }
                waitFor(() -> portal.refused.get() > 0, "the worker tried the endpoint while it was down");
                assertEquals(List.of(), portal.accepted());
                assertEquals(4L * LIFE_KEYS.size(), worker.pending());
                codes.add(desk.whole().code());
                portal.up.set(true);
                // past every record's back-off (30 min at most), at every look: a round that was already failing when
                // the endpoint came back sets its records' next attempt after an advance made once, and they would
                // wait for a clock that never moves again (a full run failed on that race)
                waitFor(() -> {
                    clock.advance(Duration.ofMinutes(31));
                    return worker.pending() == 0;
                }, "the backlog drains once the endpoint is back");
            }
            List<String> keys = portal.accepted().stream().map(PortalStub.Received::key).toList();
            assertEquals(codes.size() * LIFE_KEYS.size(), keys.size());
            for (String code : codes) {
                assertEquals(LIFE_KEYS, keysOf(keys, code), "in order per dossier, once each");
            }
        }
    }

    interface Condition {
        boolean holds() throws Exception;
    }

    /** Waits for something another thread does (not a timing assertion: the bound only ends a hung test). */
    static void waitFor(Condition c, String what) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!c.holds()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("never happened: " + what);
            }
            Thread.sleep(20);
        }
    }
}
