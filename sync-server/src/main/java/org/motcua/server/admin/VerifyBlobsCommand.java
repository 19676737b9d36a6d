package org.motcua.server.admin;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.motcua.server.ServerServices;
import org.motcua.server.blobs.BlobAudit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Re-hashes every stored blob ({@link BlobAudit}); exit code 1 when a complete blob does not match its name. */
@Command(name = "verify-blobs", mixinStandardHelpOptions = true,
        description = "Re-hash every stored blob; print BLOB unit sha256 length offset complete|partial stored-sha256 ok|DAMAGED.")
public final class VerifyBlobsCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (ServerServices s = ServerServices.open(database.config())) {
            List<BlobAudit.Row> rows = new BlobAudit(s.db).run();
            for (BlobAudit.Row r : rows) {
                out.println("BLOB " + r.unitCode() + " " + r.sha256() + " " + r.length() + " " + r.offset() + " "
                        + (r.complete() ? "complete" : "partial") + " " + r.storedSha256() + " " + (r.intact() ? "ok" : "DAMAGED"));
            }
            long damaged = rows.stream().filter(r -> !r.intact()).count();
            out.println("blobs " + rows.size() + ", damaged " + damaged);
            out.flush();
            return damaged == 0 ? 0 : 1;
        }
    }
}
