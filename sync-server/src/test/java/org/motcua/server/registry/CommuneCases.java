package org.motcua.server.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.server.audit.Actor;
import org.motcua.server.audit.AuditLog;
import org.motcua.server.testing.Backend;
import org.motcua.server.testing.MutableClock;
import org.motcua.server.testing.TestServer;
import org.motcua.server.web.CommunePages;
import org.motcua.server.web.Messages;

/** The commune import and list without HTTP, on the backend the subclass names. */
abstract class CommuneCases {

    @TempDir
    Path dir;

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T02:00:00Z"));

    abstract Backend backend();

    static byte[] csv(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anOfficialListIsImportedThenUpdatedAndEachImportIsAudited() throws Exception {
        try (TestServer server = TestServer.start(backend(), dir, c -> c.clock = clock)) {
            CommuneAdmin admin = new CommuneAdmin(server.services.db, clock, Actor.web("admin", "192.0.2.4"));
            // Excel's "CSV UTF-8": a byte-order mark, semicolons, CRLF, Vietnamese headers, a quoted name.
            CommuneAdmin.Outcome first = admin.importCsv(csv("\uFEFFMã đơn vị;Tên đơn vị;Mã ĐVHC\r\n000.17.22.H56;Xã Hòa Bình;10378\r\n"
                    + "000.18.22.H56;\"Xã Tân Lập; thôn \"\"Mới\"\"\";10381\r\n\r\n"));
            assertEquals(new CommuneAdmin.Outcome(2, 2, 0, 0), first);
            List<CommuneAdmin.Row> rows = admin.list();
            assertEquals(List.of("000.17.22.H56", "000.18.22.H56"), rows.stream().map(CommuneAdmin.Row::code).toList());
            assertEquals("Xã Tân Lập; thôn \"Mới\"", rows.get(1).name());
            assertEquals("10378", rows.get(0).adminCode());
            assertEquals(0, rows.get(0).devices());

            CommuneAdmin.Outcome second = admin.importCsv(csv("ma_don_vi,ten_don_vi\n000.17.22.H56,Xã Hòa Bình\n"
                    + "000.18.22.H56,Xã Tân Lập\n000.19.22.H56,Phường Đông Hưng\n"));
            assertEquals(new CommuneAdmin.Outcome(3, 1, 1, 1), second);
            rows = admin.list();
            assertEquals("Xã Tân Lập", rows.get(1).name());
            assertEquals("10381", rows.get(1).adminCode(), "a file without the column keeps the stored code");

            List<AuditLog.Entry> log = AuditLog.recent(server.services.db, 5, null).stream()
                    .filter(e -> e.action().equals("communes.import")).toList();
            assertEquals(2, log.size());
            assertEquals("admin", log.get(0).actor());
            assertEquals("web", log.get(0).channel());
            assertTrue(log.get(0).detail().startsWith("1 thêm, 1 đổi tên hoặc mã ĐVHC, 1 không đổi"), log.get(0).detail());
        }
    }

    @Test
    void aFileWithBadLinesIsRefusedWholeWithEachLineAndReasonInVietnamese() throws Exception {
        try (TestServer server = TestServer.start(backend(), dir, c -> c.clock = clock)) {
            CommuneAdmin admin = new CommuneAdmin(server.services.db, clock, Actor.cli());
            int before = admin.list().size();
            CommuneFile.Refused e = assertThrows(CommuneFile.Refused.class, () -> admin.importCsv(csv(
                    "ma_don_vi;ten_don_vi;ma_dvhc\n000.27.22.H56;Xã Một;10001\n17.22.H56;Xã Hai;10002\n000.27.22.H56;Xã Ba;\n"
                            + "000.28.22.H56;;123\n000.29.22.H56;\"Xã Bốn;10004\n000.30.22.H56;Xã Năm\n")));
            Messages m = Messages.vietnamese();
            assertEquals(List.of("Dòng 3: mã đơn vị “17.22.H56” không đúng dạng 000.17.22.H56",
                    "Dòng 4: mã đơn vị 000.27.22.H56 đã có ở dòng 2",
                    "Dòng 5: thiếu tên đơn vị", "Dòng 5: mã ĐVHC “123” phải gồm đúng 5 chữ số",
                    "Dòng 6: dấu ngoặc kép mở mà không đóng", "Dòng 7: có 2 cột, dòng tiêu đề có 3 cột"),
                    e.problems().stream().map(p -> CommunePages.describe(m, p)).toList());
            assertEquals(before, admin.list().size(), "nothing stored, not even the good line 2");
            assertTrue(AuditLog.recent(server.services.db, 5, null).stream().noneMatch(x -> x.action().equals("communes.import")));

            CommuneFile.Refused header = assertThrows(CommuneFile.Refused.class, () -> admin.importCsv(csv("code;name\n")));
            assertEquals("Dòng 1: cột “code” không dùng được; các cột là ma_don_vi, ten_don_vi và (nếu có) ma_dvhc",
                    CommunePages.describe(m, header.problems().get(0)));
            CommuneFile.Refused latin1 = assertThrows(CommuneFile.Refused.class,
                    () -> admin.importCsv("ma_don_vi;ten_don_vi\n000.17.22.H56;X\u00e3 H\u00f2a\n".getBytes(StandardCharsets.ISO_8859_1)));
            assertEquals("Cả tệp: tệp không phải văn bản UTF-8 (hãy lưu từ Excel dưới dạng “CSV UTF-8”)",
                    CommunePages.describe(m, latin1.problems().get(0)));
            assertThrows(CommuneFile.Refused.class, () -> admin.importCsv(csv("ma_don_vi;ten_don_vi\n")));
            assertThrows(CommuneFile.Refused.class, () -> admin.importCsv(new byte[CommuneFile.MAX_BYTES + 1]));
        }
    }
}
