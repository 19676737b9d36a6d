package org.motcua.server.admin;

import java.util.concurrent.Callable;
import org.motcua.server.ServerServices;
import org.motcua.server.audit.Actor;
import org.motcua.server.registry.DeviceAdmin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Revokes a device: its endpoints answer 403 from now on, its number is held for 7 days. */
@Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a device.")
public final class RevokeCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DEVICE_ID")
    String deviceId;

    @Mixin
    DatabaseOptions database;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (ServerServices s = ServerServices.open(database.config())) {
            if (new DeviceAdmin(s.db, s.config.clock, Actor.cli()).revoke(deviceId)) {
                spec.commandLine().getOut().println("Device " + deviceId + " is revoked.");
                spec.commandLine().getOut().flush();
                return 0;
            }
            spec.commandLine().getErr().println("revoke: no active device " + deviceId);
            return 1;
        }
    }
}
