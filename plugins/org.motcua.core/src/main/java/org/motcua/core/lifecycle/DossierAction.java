package org.motcua.core.lifecycle;

import java.util.Locale;
import org.motcua.core.validation.Localizable;
import org.motcua.core.validation.Texts;

/**
 * What an officer does to a dossier. Each action is recorded as one append-only handover record;
 * {@link DossierLifecycle} says from which status it applies, to which status it leads and who may
 * take it.
 *
 * <p>Design choices:
 * <ul>
 * <li>{@link #COLLECT_IN_FIELD}, {@link #RECEIVE} and {@link #REFUSE} may also <em>open</em> a dossier
 * (no status yet): field collection creates a {@link DossierStatus#NEW} dossier to be received later at
 * the desk; a walk-in at the desk is received or refused at once.</li>
 * <li>Supplements are always lodged at the one-stop desk (as the one-stop rules require), so
 * {@link #SUPPLEMENT_RECEIVED} leads back to {@link DossierStatus#RECEIVED}, whether the supplement was
 * asked at reception or during processing; the desk then hands the dossier over again.</li>
 * <li>{@link #FORWARD_WITHIN_PROCESSING} records the handovers inside processing (officer to leader for
 * signature, between specialists): the status stays {@link DossierStatus#PROCESSING} but the process
 * control slip needs the row.</li>
 * </ul>
 */
public enum DossierAction implements Localizable {

    /** Community team (or a mobile desk) takes a dossier in a village: a new, not yet received dossier. */
    COLLECT_IN_FIELD,
    /** Formal reception at the desk: receipt printed, deadline starts. */
    RECEIVE,
    /** Refusal at reception, with a refusal slip. */
    REFUSE,
    /** The desk hands the received dossier to the processing officer. */
    HAND_OVER_FOR_PROCESSING,
    /** A handover between people inside processing, e.g. submitted to the leader for signature. */
    FORWARD_WITHIN_PROCESSING,
    /** Ask the applicant to complete the dossier (at reception or during processing). */
    REQUEST_SUPPLEMENT,
    /**
     * Move the due date later, with a reason, before it passes: the apology letter with a new appointment
     * (form 04). The status does not change; the handover record carries the new due date.
     */
    EXTEND_DEADLINE,
    /** The applicant's supplement is lodged at the desk. */
    SUPPLEMENT_RECEIVED,
    /** Ask the applicant to pay fees, taxes or charges before the result. */
    REQUIRE_FINANCIAL_OBLIGATION,
    /** The applicant has paid. */
    FINANCIAL_OBLIGATION_MET,
    /** The applicant withdraws the dossier; lodged at the desk. */
    WITHDRAW,
    /** The leader stops processing. */
    STOP,
    /** Processing finished, the result goes to the desk. */
    MARK_DONE,
    /** The result is handed to the applicant (or posted). */
    RETURN_RESULT;

    @Override
    public String displayName(Locale locale) {
        return Texts.format("org.motcua.core.lifecycle.labels", "action." + name(), locale);
    }
}
