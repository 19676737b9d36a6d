package org.motcua.server.admin;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.motcua.protocol.feed.DossierDecisionData;
import org.motcua.server.ServerServices;
import org.motcua.server.audit.Actor;
import org.motcua.server.feed.DecisionPublisher;
import org.motcua.server.feed.DecisionRefused;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Records a decision taken at the province on a dossier handed up ({@link DecisionPublisher} does the work). */
@Command(name = "decide", mixinStandardHelpOptions = true,
        description = {"Record a decision taken at the province on a dossier handed up (liên thông): its new status, sent to "
                + "the desks of its commune.", "A refused decision stores nothing (exit code 2)."})
public final class DecideCommand implements Callable<Integer> {

    @Option(names = "--dossier", required = true, description = "The dossier code, e.g. 000.17.22.H56-261130-0001.")
    String dossier;

    @Option(names = "--status", required = true,
            description = "The new status: 4 PROCESSING, 5 SUPPLEMENT_REQUESTED, 6 AWAITING_FINANCIAL_OBLIGATION, 8 STOPPED, 9 DONE.")
    String status;

    @Option(names = "--by", required = true, description = "Who decided (name or office).")
    String by;

    @Option(names = "--note", description = "The decision's note or reference.")
    String note;

    @Mixin
    DatabaseOptions database;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (ServerServices s = ServerServices.open(database.config())) {
            DossierDecisionData d = new DecisionPublisher(s.db, s.config.clock, Actor.cli()).decide(dossier, status, by,
                    Optional.ofNullable(note));
            PrintWriter out = spec.commandLine().getOut();
            out.println("Decision " + d.decisionId() + ": dossier " + dossier + " now has status " + d.status() + " ("
                    + DossierDecisionData.DECIDED.get(d.status()) + "); sent to the desks of its unit.");
            out.flush();
            return 0;
        } catch (DecisionRefused e) {
            spec.commandLine().getErr().println("decide: " + e.getMessage() + "; nothing was stored.");
            spec.commandLine().getErr().flush();
            return 2;
        }
    }
}
