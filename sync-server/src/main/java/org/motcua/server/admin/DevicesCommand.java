package org.motcua.server.admin;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.motcua.server.ServerServices;
import org.motcua.server.audit.Actor;
import org.motcua.server.registry.DeviceAdmin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Lists the registry: unit, number, status, last sync, clock skew, epochs. */
@Command(name = "devices", mixinStandardHelpOptions = true, description = "List enrolled devices.")
public final class DevicesCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (ServerServices s = ServerServices.open(database.config())) {
            out.printf("%-16s %2s %-8s %-36s %-24s %10s %6s %s%n", "UNIT", "NO", "STATUS", "DEVICE", "LAST SYNC", "SKEW (s)",
                    "EPOCHS", "OPEN EPOCH (ACKED SEQ)");
            for (DeviceAdmin.Listed l : new DeviceAdmin(s.db, s.config.clock, Actor.cli()).list()) {
                var d = l.device();
                out.printf("%-16s %2d %-8s %-36s %-24s %10s %6d %s%n", d.unitCode(), d.deviceNumber(), d.status(), d.deviceId(),
                        d.lastSyncAt() == null ? "never" : d.lastSyncAt().toString(),
                        d.clockSkewMs() == null ? "-" : Long.toString(Math.round(d.clockSkewMs() / 1000.0)), l.epochs(),
                        l.openEpoch() == null ? "-" : l.openEpoch() + " (" + l.ackedSeq() + ")");
            }
            out.flush();
            return 0;
        }
    }
}
