package org.motcua.server.admin;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.motcua.server.ServerServices;
import org.motcua.server.audit.Actor;
import org.motcua.server.updates.ReleasePublisher;
import org.motcua.server.updates.ReleaseRefused;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Publishes a new version of the desk product to every desk ({@link ReleasePublisher} does the work). */
@Command(name = "publish-update", mixinStandardHelpOptions = true,
        description = {"Publish the desk product's update from the build's repository folder (its motcua-release/"
                + "<platform>.json and the files they list) to every desk, which downloads it from this server.",
                "A missing or altered file, or a version not newer than the current one, is refused and nothing is stored "
                        + "(exit code 2)."})
public final class PublishUpdateCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", description = "The product's p2 repository folder the build wrote, e.g. "
            + "product/target/repository.")
    Path dir;

    @Option(names = "--force", description = "Publish even a version that is not newer than the platform's current one "
            + "(to go back to an earlier release).")
    boolean force;

    @Mixin
    DatabaseOptions database;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (ServerServices s = ServerServices.open(database.config())) {
            List<ReleasePublisher.Outcome> outcomes = new ReleasePublisher(s.db, s.config.clock, Actor.cli()).publish(dir, force);
            PrintWriter out = spec.commandLine().getOut();
            for (ReleasePublisher.Outcome o : outcomes) {
                out.println("Release " + o.release().version() + " for " + o.release().platform() + ": "
                        + o.release().files().size() + " file(s), " + o.newFiles() + " new (" + o.newBytes() + " bytes stored), "
                        + o.storedFiles() + " already stored (" + o.storedBytes() + " bytes); published.");
            }
            out.flush();
            return 0;
        } catch (ReleaseRefused e) {
            spec.commandLine().getErr().println("publish-update: " + e.getMessage() + "; nothing was published.");
            spec.commandLine().getErr().flush();
            return 2;
        }
    }
}
