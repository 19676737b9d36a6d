package org.motcua.server.admin;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.motcua.server.ServerServices;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Verifies every device chain stored at the province ({@link ChainAudit}); exit code 1 when one is broken. */
@Command(name = "verify-chains", mixinStandardHelpOptions = true,
        description = "Verify every device's stored chain (seq, links, hashes) and list dossier codes used twice.")
public final class VerifyChainsCommand implements Callable<Integer> {

    @Option(names = "--events", description = "Also list every stored position: EVENT device epoch seq eventId status.")
    boolean events;

    @Mixin
    DatabaseOptions database;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (ServerServices s = ServerServices.open(database.config())) {
            ChainAudit.Report report = new ChainAudit(s.db).run(p -> {
                if (events) {
                    out.println("EVENT " + p.deviceId() + " " + p.epochId() + " " + p.seq() + " " + p.eventId() + " " + p.status());
                }
            });
            report.broken().forEach(b -> out.println("BROKEN " + b));
            report.codeCollisions().forEach(c -> out.println("CODE-USED-TWICE " + c));
            out.println("chains " + report.chains() + ", positions " + report.positions() + ", broken "
                    + report.broken().size() + ", dossier codes used twice " + report.codeCollisions().size());
            out.flush();
            return report.clean() ? 0 : 1;
        }
    }
}
