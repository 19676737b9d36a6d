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

/** Sets a new password (read like account-create's), ends the account's sessions and lifts its login lockout. */
@Command(name = "account-reset-password", mixinStandardHelpOptions = true,
        description = "Set a new password for an account (terminal or first line of standard input).")
public final class AccountResetPasswordCommand implements Callable<Integer> {

    @Parameters(paramLabel = "USERNAME")
    String username;

    @Mixin
    DatabaseOptions database;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        char[] password = PasswordInput.read(username);
        try (ServerServices s = ServerServices.open(database.config())) {
            if (new Accounts(s.db, s.config.clock).resetPassword(Actor.cli(), username, password)) {
                spec.commandLine().getOut().println("The password of " + Accounts.normalise(username) + " is set; its sessions ended.");
                spec.commandLine().getOut().flush();
                return 0;
            }
            spec.commandLine().getErr().println("account-reset-password: no account " + username);
            return 1;
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("account-reset-password: " + e.getMessage());
            return 1;
        } finally {
            java.util.Arrays.fill(password, ' ');
        }
    }
}
