package org.motcua.server.admin;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.motcua.server.ServerServices;
import org.motcua.server.audit.Actor;
import org.motcua.server.registry.CommuneAdmin;
import org.motcua.server.registry.CommuneFile;
import org.motcua.server.web.CommunePages;
import org.motcua.server.web.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Imports the official commune list ({@link CommuneAdmin} does the work, the web page calls the same). */
@Command(name = "import-communes", mixinStandardHelpOptions = true,
        description = {"Import the province's communes (unit codes and names) from a CSV file: a header "
                + "ma_don_vi;ten_don_vi[;ma_dvhc], then one commune a line (UTF-8, ',' or ';').",
                "New communes are added, changed names updated, none removed. A file with any bad line is refused whole, "
                        + "each bad line named, and nothing is stored (exit code 2)."})
public final class ImportCommunesCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The CSV file.")
    Path file;

    @Mixin
    DatabaseOptions database;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(file)) {
            err.println("import-communes: không đọc được tệp " + file + "; không có gì được lưu.");
            err.flush();
            return 2;
        }
        if (Files.size(file) > CommuneFile.MAX_BYTES) {
            err.println("import-communes: tệp lớn hơn " + CommuneFile.MAX_BYTES / 1024 / 1024 + " MB; không có gì được lưu.");
            err.flush();
            return 2;
        }
        byte[] bytes = Files.readAllBytes(file);
        try (ServerServices s = ServerServices.open(database.config())) {
            CommuneAdmin.Outcome o = new CommuneAdmin(s.db, s.config.clock, Actor.cli()).importCsv(bytes);
            PrintWriter out = spec.commandLine().getOut();
            out.println("Đã nhập " + o.communes() + " xã: " + o.added() + " thêm mới, " + o.changed() + " đổi tên hoặc mã ĐVHC, "
                    + o.unchanged() + " không đổi.");
            out.flush();
            return 0;
        } catch (CommuneFile.Refused e) {
            err.println("import-communes: tệp bị từ chối, không có gì được lưu:");
            Messages m = Messages.vietnamese();
            e.problems().forEach(p -> err.println("  " + CommunePages.describe(m, p)));
            err.flush();
            return 2;
        }
    }
}
