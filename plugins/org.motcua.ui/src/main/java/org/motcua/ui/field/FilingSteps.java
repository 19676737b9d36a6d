package org.motcua.ui.field;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StackLayout;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.motcua.core.catalogue.Procedure;
import org.motcua.core.dossier.Channel;
import org.motcua.core.dossier.IntakeRequest;
import org.motcua.core.dossier.IntakeValidator;
import org.motcua.core.dossier.ResultDelivery;
import org.motcua.core.validation.ValidationException;
import org.motcua.ui.Messages;
import org.motcua.ui.desk.Desk;
import org.motcua.ui.parts.ChecklistTable;
import org.motcua.ui.parts.ProcedurePicker;

/**
 * The five pages of assisted filing on one stack: procedure, applicant, documents, place and helper, review. A step is
 * complete when the core's intake rules find nothing wrong with the fields it owns ({@link #problem}); the request is
 * assembled from all pages ({@link #request}), later pages contributing what they hold so far.
 */
final class FilingSteps {

    static final int COUNT = 5;
    private static final String[] KEYS = {"assisted.step.procedure", "assisted.step.applicant",
        "assisted.step.documents", "assisted.step.place", "assisted.step.review"};
    /** The fields of the intake request each step owns, as the validator names them. */
    private static final String[][] FIELDS = {{}, {"applicant"}, {"documents"}, {"assistance"}, {""}};

    private final Messages messages;
    private final Desk desk;
    private final StackLayout stack;
    private final Composite[] pages = new Composite[COUNT];
    private final ProcedurePicker picker;
    private final ApplicantPage applicant;
    private final ChecklistTable checklist;
    private final PlacePage place;
    private final ReviewPage review;
    private Procedure checklistShows;

    /**
     * @param stack   the stack layout of {@code parent}, on which the step shown is the top control
     * @param changed called when the officer picks a procedure (the feedback line is cleared)
     */
    FilingSteps(Composite parent, StackLayout stack, Messages messages, Desk desk, Runnable changed) {
        this.messages = messages;
        this.desk = desk;
        this.stack = stack;
        for (int i = 0; i < COUNT; i++) {
            pages[i] = new Composite(parent, SWT.NONE);
            pages[i].setLayout(new GridLayout(2, false));
        }
        picker = new ProcedurePicker(pages[0], messages, desk, p -> changed.run());
        applicant = new ApplicantPage(pages[1], messages);
        Label docs = new Label(pages[2], SWT.WRAP);
        docs.setText(messages.get("assisted.documents.hint"));
        docs.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        checklist = new ChecklistTable(pages[2], messages);
        place = new PlacePage(pages[3], messages, desk.officer().fullName());
        review = new ReviewPage(pages[4], messages);
    }

    /** Puts step {@code s} on top: a new procedure brings its own document list, the review shows what was typed. */
    void show(int s) {
        if (s == 2 && checklistShows != picker.selected()) {
            checklistShows = picker.selected();
            checklist.show(checklistShows);
        }
        if (s == COUNT - 1) {
            review.show(request(desk.now()));
        }
        stack.topControl = pages[s];
    }

    /** The step's name, e.g. "Người nộp hồ sơ". */
    String name(int s) {
        return messages.get(KEYS[s]);
    }

    /** Puts the cursor where the officer starts typing on step {@code s}; false when the step has no field. */
    boolean focus(int s) {
        switch (s) {
            case 0 -> picker.searchBox().setFocus();
            case 1 -> applicant.focus();
            case 2 -> checklist.table().setFocus();
            case 3 -> place.focus();
            default -> {
                return false;
            }
        }
        return true;
    }

    /** What stops step {@code s} from being complete, in Vietnamese, naming the field. */
    Optional<String> problem(int s) {
        if (picker.selected() == null) {
            return Optional.of(messages.get("intake.procedure.required"));
        }
        if (s == 3 && place.villageMissing()) {
            return Optional.of(messages.get("assisted.village.required"));
        }
        String[] fields = FIELDS[s];
        if (fields.length == 0) {
            return Optional.empty();
        }
        IntakeRequest request;
        try {
            request = request(desk.now());
        } catch (UnreadableField e) {
            return Optional.of(e.getMessage());
        } catch (ValidationException e) {   // a malformed citizen ID cannot even be read
            return Optional.of(e.messages(messages.locale()));
        }
        try {
            IntakeValidator.validate(request, desk.now());
            return Optional.empty();
        } catch (ValidationException e) {
            String found = e.violations().stream()
                    .filter(v -> Arrays.stream(fields).anyMatch(f -> v.field().startsWith(f)))
                    .map(v -> v.message(messages.locale())).distinct().collect(Collectors.joining("\n"));
            return found.isEmpty() ? Optional.empty() : Optional.of(found);
        }
    }

    /** The request as typed so far; later steps contribute what they hold (nothing ticked, the prefilled helper). */
    IntakeRequest request(LocalDateTime now) {
        return new IntakeRequest(picker.selected(), applicant.applicant(), checklist.received(), 1, Channel.IN_PERSON,
                ResultDelivery.COUNTER, now, desk.username(), Optional.of(place.assistance()), "");
    }

    /** The same volunteer, the same village, a new citizen: the citizen's fields empty again. */
    void clearForNextCitizen() {
        applicant.clear();
        checklist.untickAll();
        picker.clearSearch();
    }
}
