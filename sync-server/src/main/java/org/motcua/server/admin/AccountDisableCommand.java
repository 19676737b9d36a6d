package org.motcua.server.admin;

import java.util.concurrent.Callable;
import org.motcua.server.ServerServices;
import org.motcua.server.accounts.Accounts;
import org.motcua.server.audit.Actor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Disables an account: it can no longer log in and its open sessions end. */
@Command(name = "account-disable", mixinStandardHelpOptions = true, description = "Disable an officer account and end its sessions.")
public final class AccountDisableCommand implements Callable<Integer> {

    @Parameters(paramLabel = "USERNAME")
    String username;

    @Mixin
    DatabaseOptions database;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (ServerServices s = ServerServices.open(database.config())) {
            if (new Accounts(s.db, s.config.clock).disable(Actor.cli(), username)) {
                spec.commandLine().getOut().println("Account " + Accounts.normalise(username) + " is disabled.");
                spec.commandLine().getOut().flush();
                return 0;
            }
            spec.commandLine().getErr().println("account-disable: no active account " + username);
            return 1;
        }
    }
}
