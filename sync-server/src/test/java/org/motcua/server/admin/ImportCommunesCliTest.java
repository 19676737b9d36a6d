package org.motcua.server.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.server.ServerConfig;
import org.motcua.server.ServerServices;
import org.motcua.server.SyncServerMain;
import org.motcua.server.audit.AuditLog;
import org.motcua.server.registry.CommuneAdmin;
import org.motcua.server.testing.TestServer;

/** {@code import-communes} as the admin runs it: a summary, or every bad line with its reason, and nothing stored. */
class ImportCommunesCliTest {

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = SyncServerMain.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--data");
        all.add(dir.resolve("server").toString());
        return new Run(cli.execute(all.toArray(String[]::new)), out.toString(), err.toString());
    }

    @Test
    void theExampleListIsImportedAndABadFileIsRefusedLineByLine() throws Exception {
        Run ok = run("import-communes", "examples/communes.csv");
        assertEquals(0, ok.exit(), ok.err());
        assertTrue(ok.out().contains("Đã nhập 3 xã: 3 thêm mới, 0 đổi tên hoặc mã ĐVHC, 0 không đổi."), ok.out());

        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "ma_don_vi;ten_don_vi\n000.40.22.H56;Xã Mới\n000.41.22.H56\n");
        Run refused = run("import-communes", bad.toString());
        assertEquals(2, refused.exit());
        assertTrue(refused.err().contains("tệp bị từ chối, không có gì được lưu")
                && refused.err().contains("Dòng 3: có 1 cột, dòng tiêu đề có 2 cột"), refused.err());
        assertEquals(2, run("import-communes", dir.resolve("missing.csv").toString()).exit());

        try (ServerServices s = ServerServices.open(ServerConfig.embedded(dir.resolve("server")))) {
            assertEquals(List.of("000.17.22.H56", "000.18.22.H56", "000.19.22.H56"),
                    new CommuneAdmin(s.db, s.config.clock, org.motcua.server.audit.Actor.cli()).list().stream()
                            .map(CommuneAdmin.Row::code).toList(), "the refused file stored nothing");
            AuditLog.Entry e = AuditLog.recent(s.db, 1, null).get(0);
            assertEquals("communes.import", e.action());
            assertEquals("cli", e.channel());
        }
    }
}
