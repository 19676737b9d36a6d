package org.motcua.server.admin;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.motcua.protocol.pki.Certificates;
import org.motcua.server.ServerServices;
import org.motcua.server.audit.Actor;
import org.motcua.server.registry.DeviceAdmin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Makes an enrolment code and prints it once, with the CA fingerprint the desk shows (§6.1). */
@Command(name = "enrolment-code", mixinStandardHelpOptions = true,
        description = "Make a one-time enrolment code for a unit (printed once, never stored).")
public final class EnrolmentCodeCommand implements Callable<Integer> {

    @Option(names = "--unit", required = true, description = "Unit code, e.g. 000.17.22.H56.")
    String unit;

    @Option(names = "--unit-name", description = "The unit's name (needed the first time a unit is named).")
    String unitName;

    @Option(names = "--reenrol", paramLabel = "DEVICE_ID", description = "Bind the code to this device (re-enrolment with a new key).")
    String reenrol;

    @Option(names = "--hours", defaultValue = "24", description = "Lifetime in hours, at most 72 (default: ${DEFAULT-VALUE}).")
    double hours;

    @Mixin
    DatabaseOptions database;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (ServerServices s = ServerServices.open(database.config())) {
            DeviceAdmin.NewCode code = new DeviceAdmin(s.db, s.config.clock, Actor.cli()).newCode(unit, unitName, reenrol,
                    Duration.ofMillis(Math.round(hours * 3_600_000)));
            out.println("Enrolment code for " + code.unitCode() + " (" + code.unitName() + ")"
                    + (reenrol == null ? "" : ", re-enrolment of device " + reenrol) + ", valid until " + code.expiresAt() + ":");
            out.println();
            out.println("    " + code.code().grouped());
            out.println();
            out.println("CA fingerprint: " + Certificates.fingerprint(s.keys.caCertificate()));
            out.println("The code is shown only now and is not stored; give it to the commune's administrator.");
            out.flush();
            return 0;
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("enrolment-code: " + e.getMessage());
            return 1;
        }
    }
}
