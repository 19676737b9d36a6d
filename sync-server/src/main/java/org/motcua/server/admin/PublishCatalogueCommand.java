package org.motcua.server.admin;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.motcua.server.ServerServices;
import org.motcua.server.audit.Actor;
import org.motcua.server.feed.CataloguePublisher;
import org.motcua.server.feed.FileRefused;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Publishes a procedure catalogue file to every desk of the province ({@link CataloguePublisher} does the work). */
@Command(name = "publish-catalogue", mixinStandardHelpOptions = true,
        description = {"Publish the procedure catalogue (JSON in the shape of the client's sample catalogue) to every desk.",
                "A bad file is refused with its line and the reason, and nothing is stored (exit code 2)."})
public final class PublishCatalogueCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "The catalogue, e.g. sync-server/examples/catalogue.json.")
    Path file;

    @Option(names = "--valid-days", defaultValue = "90",
            description = "Desks warn that the catalogue may be out of date this many days after this publication "
                    + "unless it is published again (default: ${DEFAULT-VALUE}).")
    int validDays;

    @Mixin
    DatabaseOptions database;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (validDays < 1) {
            throw new IllegalArgumentException("--valid-days must be at least 1");
        }
        byte[] bytes = Files.readAllBytes(file);
        PrintWriter out = spec.commandLine().getOut();
        try (ServerServices s = ServerServices.open(database.config())) {
            CataloguePublisher.Outcome o = new CataloguePublisher(s.db, s.config.clock, Actor.cli()).publish(bytes, Duration.ofDays(validDays));
            out.println("Catalogue " + file + ": " + o.procedures() + " procedure(s), " + o.published() + " new or changed, "
                    + o.unchanged() + " unchanged, " + o.withdrawn() + " withdrawn; desks warn after " + o.expiresAt() + ".");
            out.flush();
            return 0;
        } catch (FileRefused e) {
            spec.commandLine().getErr().println("publish-catalogue: " + file + ": " + e.getMessage() + "; nothing was published.");
            spec.commandLine().getErr().flush();
            return 2;
        }
    }
}
