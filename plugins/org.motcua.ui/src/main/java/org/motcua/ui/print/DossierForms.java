package org.motcua.ui.print;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.motcua.core.catalogue.Procedure;
import org.motcua.core.dossier.CollectedBy;
import org.motcua.core.dossier.Dossier;
import org.motcua.core.dossier.HandoverRecord;
import org.motcua.core.dossier.ResultReturn;
import org.motcua.print.ApologyData;
import org.motcua.print.ControlSlipData;
import org.motcua.print.EnvelopeLabelData;
import org.motcua.print.OneStopForms;
import org.motcua.print.PrintedForm;
import org.motcua.print.ReceiptData;
import org.motcua.print.RefusalData;
import org.motcua.print.StopNoticeData;
import org.motcua.print.SupplementRequestData;
import org.motcua.store.DeskSettings.Key;
import org.motcua.store.DeskSettings;
import org.motcua.store.OfficerAccounts.Officer;
import org.motcua.store.OfficerAccounts;
import org.motcua.store.ResultReturns;
import org.motcua.store.ReturnedResult;
import org.motcua.store.sync.FeedStore;
import org.motcua.ui.desk.Desk;

/**
 * The forms of one stored dossier, laid out from what the store holds: the receipt (01) again, the control slip
 * (06) with every handover, and the letter the citizen is given after an action (02, 03, 04, 05). Reads the store
 * and lays out a PDF: call it from a job, not the UI thread.
 */
public final class DossierForms {

    private final Desk desk;
    private final DeskForms forms;

    public DossierForms(Desk desk, DeskForms forms) {
        this.desk = desk;
        this.forms = forms;
    }

    /** Form 01 as printed at reception: signed by the officer who received the dossier. */
    public PrintedForm receipt(UUID dossierId) throws IOException {
        Dossier d = dossier(dossierId);
        return forms.forms().receipt(new ReceiptData(d, procedure(d), fullName(d.receivedBy()),
                desk.store().lookupToken(dossierId).orElse(""), new FeedStore(desk.store()).lookupPageUrl()));   // none: restored
    }

    /** Form 06: one row per handover in the dossier's log. */
    public PrintedForm controlSlip(UUID dossierId) throws IOException {
        Dossier d = dossier(dossierId);
        Map<String, String> names = new OfficerAccounts(desk.store()).list().stream()
                .collect(Collectors.toMap(Officer::username, Officer::fullName));
        return forms.forms().controlSlip(new ControlSlipData(d, procedure(d), desk.store().handovers(dossierId), names));
    }

    /**
     * The letter for the citizen after {@code step} was stored: 02 for a supplement request (each line of the
     * note is one missing item), 03 for a refusal, 04 for an extension (the appointment on the receipt beside the
     * new one), 05 for a stop, the envelope label for a result sent by post; empty for actions that give the citizen
     * no paper.
     *
     * @param before the dossier as it was before the action
     */
    public Optional<PrintedForm> afterAction(Dossier before, HandoverRecord step) throws IOException {
        Dossier d = dossier(before.id());
        Procedure p = procedure(d);
        String officer = desk.officer().fullName();
        Map<Key, String> settings = new DeskSettings(desk.store()).all();
        String head = settings.get(Key.UNIT_HEAD_NAME);
        OneStopForms f = forms.forms();
        return switch (step.action()) {
            case REQUEST_SUPPLEMENT -> Optional.of(f.supplementRequest(
                    SupplementRequestData.fromHandover(d, p, step, officer, settings.get(Key.DESK_PHONE))));
            case REFUSE -> Optional.of(f.refusal(new RefusalData(d, p, step.note(), officer, step.at())));
            // the receipt's date beside the new one, even after an earlier apology: the index judges by the receipt's
            case EXTEND_DEADLINE -> Optional.of(f.apology(new ApologyData(d, p, desk.workflow().receiptDue(d.id()),
                    step.newDueAt().orElse(d.dueAt()), step.note(), head, step.at())));
            case STOP -> Optional.of(f.stopNotice(new StopNoticeData(d, p, step.note(), head, step.at())));
            case RETURN_RESULT -> envelopeLabel(d, f, settings.get(Key.DESK_PHONE), step);
            default -> Optional.empty();
        };
    }

    /** A result sent by post gets the label for its envelope; one collected at the counter needs no paper. */
    private Optional<PrintedForm> envelopeLabel(Dossier d, OneStopForms f, String deskPhone, HandoverRecord step)
            throws IOException {
        Optional<ResultReturn> how = new ResultReturns(desk.store()).of(d.id()).map(ReturnedResult::details)
                .filter(r -> r.collectedBy() == CollectedBy.POST);
        return how.isEmpty() ? Optional.empty()
                : Optional.of(f.envelopeLabel(new EnvelopeLabelData(d, how.get().trackingNumber(), deskPhone, step.at())));
    }

    private Dossier dossier(UUID id) {
        return desk.store().dossier(id).orElseThrow(() -> new IllegalArgumentException("no dossier " + id));
    }

    private Procedure procedure(Dossier d) {
        return desk.catalogue().version(d.procedureCode(), d.procedureVersion()).orElseThrow(
                () -> new IllegalStateException("procedure " + d.procedureCode() + " v" + d.procedureVersion()
                        + " is not in this desk's catalogue"));
    }

    private String fullName(String username) {
        return new OfficerAccounts(desk.store()).list().stream().filter(o -> o.username().equals(username))
                .map(Officer::fullName).findFirst().orElse(username);
    }
}
