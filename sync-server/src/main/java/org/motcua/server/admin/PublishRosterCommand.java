package org.motcua.server.admin;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.motcua.server.ServerServices;
import org.motcua.server.audit.Actor;
import org.motcua.server.feed.RosterPublisher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Publishes a commune's roster to its desks ({@link RosterPublisher} does the work). */
@Command(name = "publish-roster", mixinStandardHelpOptions = true,
        description = {"Publish the officers of a commune (names and roles from the server's accounts, never a secret) to "
                + "its desks.", "An unregistered unit is refused and nothing is stored (exit code 2)."})
public final class PublishRosterCommand implements Callable<Integer> {

    @Option(names = "--unit", required = true, description = "The commune's unit code.")
    String unit;

    @Mixin
    DatabaseOptions database;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (ServerServices s = ServerServices.open(database.config())) {
            RosterPublisher.Outcome o = new RosterPublisher(s.db, s.config.clock, Actor.cli()).publish(unit);
            PrintWriter out = spec.commandLine().getOut();
            out.println("Roster of " + unit + ": " + o.roster().officers().size() + " officer(s); "
                    + (o.published() ? "published." : "unchanged, nothing published."));
            out.flush();
            return 0;
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("publish-roster: " + e.getMessage() + "; nothing was stored.");
            spec.commandLine().getErr().flush();
            return 2;
        }
    }
}
