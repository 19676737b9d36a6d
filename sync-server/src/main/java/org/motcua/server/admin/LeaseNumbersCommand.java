package org.motcua.server.admin;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.motcua.protocol.feed.NumberLeaseData;
import org.motcua.server.ServerServices;
import org.motcua.server.audit.Actor;
import org.motcua.server.feed.LeaseRefused;
import org.motcua.server.feed.NumberLeasePublisher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Leases dossier numbers to one device ({@link NumberLeasePublisher} does the work). */
@Command(name = "lease-numbers", mixinStandardHelpOptions = true,
        description = {"Lease dossier numbers 9000..9999 to a device for a range of dates (published to that device).",
                "The device uses them only after its own range of a date is used up. A refused lease stores nothing (exit code 2)."})
public final class LeaseNumbersCommand implements Callable<Integer> {

    @Option(names = "--device", required = true, description = "The device id.")
    String deviceId;

    @Option(names = "--from", required = true, description = "First date, YYYY-MM-DD.")
    LocalDate from;

    @Option(names = "--to", required = true, description = "Last date, YYYY-MM-DD.")
    LocalDate to;

    @Option(names = "--first", required = true, description = "First number, 9000..9999.")
    int first;

    @Option(names = "--last", required = true, description = "Last number, 9000..9999.")
    int last;

    @Mixin
    DatabaseOptions database;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (ServerServices s = ServerServices.open(database.config())) {
            NumberLeaseData l = new NumberLeasePublisher(s.db, s.config.clock, Actor.cli()).lease(deviceId, from, to, first, last);
            PrintWriter out = spec.commandLine().getOut();
            out.println("Lease " + l.leaseId() + ": device " + deviceId + " (unit " + l.unitCode() + ") may use numbers " + first
                    + ".." + last + " on " + from + ".." + to + "; published to the device.");
            out.flush();
            return 0;
        } catch (LeaseRefused e) {
            spec.commandLine().getErr().println("lease-numbers: " + e.getMessage() + "; nothing was stored.");
            spec.commandLine().getErr().flush();
            return 2;
        }
    }
}
