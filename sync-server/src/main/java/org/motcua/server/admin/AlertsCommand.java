package org.motcua.server.admin;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.motcua.server.ServerServices;
import org.motcua.server.persistence.Tx;
import org.motcua.server.projection.AdminAlerts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Lists the alerts the ingest raised for the administrator, newest first. */
@Command(name = "alerts", mixinStandardHelpOptions = true,
        description = "List alerts for the administrator, newest first: dossier codes used twice, a device identity in use "
                + "on two machines, a dossier received twice.")
public final class AlertsCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database;

    @Option(names = "--limit", defaultValue = "100", description = "At most this many (default ${DEFAULT-VALUE}).")
    int limit;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (ServerServices s = ServerServices.open(database.config())) {
            out.printf("%-24s %-26s %-36s %s%n", "TIME", "KIND", "DEVICE", "DETAIL");
            for (AdminAlerts.Alert a : Tx.read(s.db, c -> AdminAlerts.newest(c, Math.max(1, Math.min(limit, 10_000))))) {
                out.printf("%-24s %-26s %-36s %s%s%n", a.createdAt(), a.kind(), a.deviceId() == null ? "-" : a.deviceId(),
                        a.dossierId() == null ? "" : "dossier " + a.dossierId() + ": ", a.detail());
            }
            out.flush();
            return 0;
        }
    }
}
