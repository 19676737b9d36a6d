package org.motcua.server.admin;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.motcua.server.ServerServices;
import org.motcua.server.accounts.Account;
import org.motcua.server.accounts.Accounts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Lists the officer accounts: name, role, unit, status, when the password was last set. */
@Command(name = "account-list", mixinStandardHelpOptions = true, description = "List officer accounts.")
public final class AccountListCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (ServerServices s = ServerServices.open(database.config())) {
            out.printf("%-24s %-16s %-16s %-9s %-24s %s%n", "USERNAME", "ROLE", "UNIT", "STATUS", "PASSWORD SET", "NAME");
            for (Account a : new Accounts(s.db, s.config.clock).list()) {
                out.printf("%-24s %-16s %-16s %-9s %-24s %s%n", a.username(), a.role().code(), a.unitCode() == null ? "-" : a.unitCode(),
                        a.status(), a.passwordSetAt(), a.displayName());
            }
            out.flush();
            return 0;
        }
    }
}
