package org.motcua.ui.sync;

import java.util.List;
import org.motcua.store.UpstreamDecisions;
import org.motcua.ui.Messages;

/**
 * The sentence that tells the officer which dossiers the province decided on since they last looked: each code with
 * the status it took, or why it did not take it here (the desk's dossier has moved on, or the desk does not hold it).
 */
public final class DecisionNotice {

    private final Messages messages;

    public DecisionNotice(Messages messages) {
        this.messages = messages;
    }

    /** Empty when there is nothing new. */
    public String text(List<UpstreamDecisions.Decision> unseen) {
        if (unseen.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(messages.get("sync.decisions", unseen.size()));
        for (UpstreamDecisions.Decision d : unseen) {
            out.append('\n').append(messages.get("sync.decisions." + d.outcome().name(), d.dossierCode(),
                    d.status().displayName(messages.locale()), d.decidedBy()));
        }
        return out.toString();
    }
}
