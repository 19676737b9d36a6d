package org.motcua.server.admin;

import java.util.concurrent.Callable;
import org.motcua.server.Rejection;
import org.motcua.server.ServerServices;
import org.motcua.server.audit.Actor;
import org.motcua.server.registry.DeviceAdmin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Changes a device's number or unit; the device learns it from the feed's {@code deviceConfig} item. */
@Command(name = "device-config", mixinStandardHelpOptions = true,
        description = "Change a device's number and/or unit (published to the device through the feed).")
public final class DeviceConfigCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DEVICE_ID")
    String deviceId;

    @Option(names = "--number", description = "New device number 1..9.")
    Integer number;

    @Option(names = "--unit", description = "New unit code.")
    String unit;

    @Option(names = "--lift-epoch-limit-days", description = "Also lift the epoch limit for this many days.")
    Integer liftDays;

    @Mixin
    DatabaseOptions database;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (ServerServices s = ServerServices.open(database.config())) {
            DeviceAdmin admin = new DeviceAdmin(s.db, s.config.clock, Actor.cli());
            if (number != null || unit != null) {
                admin.reassign(deviceId, unit, number);
                spec.commandLine().getOut().println("Device " + deviceId + " now has " + (unit == null ? "" : "unit " + unit + " ")
                        + (number == null ? "" : "number " + number) + "; published to the device.");
            }
            if (liftDays != null) {
                admin.liftEpochLimit(deviceId, liftDays);
                spec.commandLine().getOut().println("Epoch limit of " + deviceId + " lifted for " + liftDays + " day(s).");
            }
            spec.commandLine().getOut().flush();
            return 0;
        } catch (Rejection | IllegalArgumentException e) {
            spec.commandLine().getErr().println("device-config: " + e.getMessage());
            return 1;
        }
    }
}
