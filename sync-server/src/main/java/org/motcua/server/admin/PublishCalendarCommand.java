package org.motcua.server.admin;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.motcua.server.ServerServices;
import org.motcua.server.audit.Actor;
import org.motcua.server.feed.CalendarPublisher;
import org.motcua.server.feed.FileRefused;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Publishes the working calendar of one or more years to every desk ({@link CalendarPublisher} does the work). */
@Command(name = "publish-calendar", mixinStandardHelpOptions = true,
        description = {"Publish the working calendar (per year: holidays, swapped days off, compensatory working days).",
                "A bad file is refused with its line and the reason, and nothing is stored (exit code 2)."})
public final class PublishCalendarCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "The calendar, e.g. sync-server/examples/calendar-2027.json.")
    Path file;

    @Mixin
    DatabaseOptions database;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        PrintWriter out = spec.commandLine().getOut();
        try (ServerServices s = ServerServices.open(database.config())) {
            CalendarPublisher.Outcome o = new CalendarPublisher(s.db, s.config.clock, Actor.cli()).publish(bytes);
            out.println("Calendar " + file + ": year(s) " + o.years() + "; published " + (o.published().isEmpty() ? "none (unchanged)"
                    : o.published()) + ".");
            out.flush();
            return 0;
        } catch (FileRefused e) {
            spec.commandLine().getErr().println("publish-calendar: " + file + ": " + e.getMessage() + "; nothing was published.");
            spec.commandLine().getErr().flush();
            return 2;
        }
    }
}
