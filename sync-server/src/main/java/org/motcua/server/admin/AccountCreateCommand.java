package org.motcua.server.admin;

import java.util.concurrent.Callable;
import org.motcua.server.ServerServices;
import org.motcua.server.accounts.Account;
import org.motcua.server.accounts.Accounts;
import org.motcua.server.accounts.Role;
import org.motcua.server.audit.Actor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Creates an officer account of the web pages; the password is read from the terminal or standard input. */
@Command(name = "account-create", mixinStandardHelpOptions = true,
        description = "Create an officer account (password typed at the terminal, or the first line of standard input).")
public final class AccountCreateCommand implements Callable<Integer> {

    @Parameters(paramLabel = "USERNAME", description = "3-64 of a-z 0-9 . _ - starting with a letter.")
    String username;

    @Option(names = "--role", required = true,
            description = "province-admin, province-leader, commune-leader or commune-officer.")
    String role;

    @Option(names = "--unit", description = "The commune's unit code (commune roles only), e.g. 000.17.22.H56.")
    String unit;

    @Option(names = "--name", required = true, description = "The officer's full name as the pages show it.")
    String displayName;

    @Mixin
    DatabaseOptions database;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Role r;
        try {
            r = Role.of(role);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("account-create: " + e.getMessage());
            return 1;
        }
        char[] password = PasswordInput.read(username);
        try (ServerServices s = ServerServices.open(database.config())) {
            Account a = new Accounts(s.db, s.config.clock).create(Actor.cli(), username, displayName, r, unit, password);
            spec.commandLine().getOut().println("Account " + a.username() + " (" + a.role().code()
                    + (a.unitCode() == null ? "" : ", unit " + a.unitCode()) + ") created.");
            spec.commandLine().getOut().flush();
            return 0;
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("account-create: " + e.getMessage());
            return 1;
        } finally {
            java.util.Arrays.fill(password, ' ');
        }
    }
}
