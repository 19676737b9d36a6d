package org.motcua.server.web;

import java.util.List;
import org.motcua.server.lookup.Progress;

/**
 * A found dossier as the lookup page writes it: every word from the message bundle, every time in the province's
 * zone. Carries the code and token back into the rating form, which the citizen already holds.
 */
public record LookupView(String code, String token, String procedure, String status, String statusClass, String received,
        String due, boolean overdue, List<StepLine> steps, boolean canRate, boolean rated, boolean returned) {

    /** One line of the timeline. */
    public record StepLine(String time, String action, String status) {
    }

    static LookupView of(Page page, Progress p, String token) {
        String procedure = p.procedureName() != null ? p.procedureName() + " (" + p.procedureCode() + ")"
                : page.t("lookup.procedure.unnamed", p.procedureCode(), p.procedureField());
        List<StepLine> steps = p.steps().stream().map(s -> new StepLine(Formats.time(s.at()), page.t("lookup.action." + s.action()),
                page.t("lookup.status." + s.status()))).toList();
        String statusClass = p.overdue() ? "late" : p.status() == 9 || p.status() == Progress.RETURNED ? "done" : "open";
        return new LookupView(p.dossierCode(), token, procedure, page.t("lookup.status." + p.status()), statusClass,
                Formats.time(p.receivedAt()), Formats.time(p.dueAt()), p.overdue(), steps, p.canBeRated(), p.rated(),
                p.status() == Progress.RETURNED);
    }
}
