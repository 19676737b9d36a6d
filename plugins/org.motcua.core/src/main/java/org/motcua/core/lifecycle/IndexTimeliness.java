package org.motcua.core.lifecycle;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.motcua.core.calendar.DeadlineCalculator;
import org.motcua.core.dossier.HandoverRecord;

/**
 * The on-time rule of the service-quality index (Decision 766/QĐ-TTg), which scores every commune from its synced
 * dossiers: a dossier is on time when it ends (result, refusal, stop or withdrawal) by the due date on its receipt;
 * an apology's new date earns nothing back; the citizen's time between a supplement request and the supplement is
 * not counted; a second supplement request makes the dossier late, whenever it ends.
 */
public final class IndexTimeliness {

    /** The actions that end a dossier for the index. */
    public static final Set<DossierAction> ENDING = EnumSet.of(DossierAction.MARK_DONE, DossierAction.REFUSE,
            DossierAction.STOP, DossierAction.WITHDRAW);

    /**
     * @param timeliness         early, on time or late by the index
     * @param indexDue           the receipt's due date moved by the time spent waiting for supplements
     * @param supplementRequests how many times the citizen was asked to complete the dossier
     */
    public record Judgement(Timeliness timeliness, LocalDateTime indexDue, int supplementRequests) {
    }

    private IndexTimeliness() {
    }

    /**
     * @param receiptDue the due date printed on the receipt (before any extension)
     * @param endedAt    when the dossier ended
     * @param log        its handovers, in order (steps after {@code endedAt} are ignored)
     */
    public static Judgement judge(LocalDateTime receiptDue, LocalDateTime endedAt, List<HandoverRecord> log,
            DeadlineCalculator deadlines) {
        Objects.requireNonNull(receiptDue, "receiptDue");
        Objects.requireNonNull(endedAt, "endedAt");
        int requests = 0;
        Duration waited = Duration.ZERO;
        LocalDateTime waitingSince = null;
        for (HandoverRecord h : log) {
            if (h.at().isAfter(endedAt)) {
                break;
            }
            if (h.action() == DossierAction.REQUEST_SUPPLEMENT) {
                requests++;
                if (waitingSince == null) {
                    waitingSince = h.at();
                }
            } else if (h.action() == DossierAction.SUPPLEMENT_RECEIVED && waitingSince != null) {
                waited = waited.plus(deadlines.workingTimeBetween(waitingSince, h.at()));
                waitingSince = null;
            }
        }
        if (waitingSince != null) {   // it ended while the citizen was still to bring the documents (a withdrawal)
            waited = waited.plus(deadlines.workingTimeBetween(waitingSince, endedAt));
        }
        LocalDateTime due = deadlines.plusWorkingTime(receiptDue, waited);
        Timeliness t = requests >= 2 ? Timeliness.LATE : Deadlines.timeliness(endedAt, due);
        return new Judgement(t, due, requests);
    }

    /** True when asking for a supplement now would be the dossier's second request: the index then counts it late. */
    public static boolean secondSupplementRequest(List<HandoverRecord> log) {
        return log.stream().anyMatch(h -> h.action() == DossierAction.REQUEST_SUPPLEMENT);
    }
}
