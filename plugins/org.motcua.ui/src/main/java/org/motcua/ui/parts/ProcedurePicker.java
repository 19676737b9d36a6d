package org.motcua.ui.parts;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.motcua.core.catalogue.Procedure;
import org.motcua.core.catalogue.ProcedureCatalogue;
import org.motcua.ui.Messages;
import org.motcua.ui.UiIds;
import org.motcua.ui.desk.Desk;

/**
 * Finds a procedure by code prefix or by words of its name typed with or without diacritics
 * ({@link ProcedureCatalogue#search}); Enter or Down in the search box moves into the list. Before anything is
 * typed, the unit's most received procedures come first ({@link #preferFirst}).
 *
 * <p>The list follows the desk's catalogue: when the province's feed brings a new one ({@link Desk#addReferenceListener}),
 * the list is filled again, and a chosen procedure that got a newer version is chosen again in that version, so a
 * dossier saved from now on is received under it.
 */
public final class ProcedurePicker {

    private final Desk desk;
    private ProcedureCatalogue catalogue;
    private final Text search;
    private final org.eclipse.swt.widgets.List list;
    private final List<Procedure> shown = new ArrayList<>();
    private List<String> preferred = List.of();
    private Procedure selected;

    public ProcedurePicker(Composite parent, Messages messages, Desk desk, Consumer<Procedure> onSelect) {
        this.desk = desk;
        this.catalogue = desk.catalogue();
        Composite box = new Composite(parent, SWT.NONE);
        box.setLayout(new GridLayout(2, false));
        box.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, false, 2, 1));
        new Label(box, SWT.NONE).setText(messages.get("intake.procedure"));
        search = UiIds.name(new Text(box, SWT.BORDER | SWT.SEARCH | SWT.ICON_SEARCH), "intake.procedure.search");
        search.setMessage(messages.get("intake.procedure.hint"));
        search.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        list = UiIds.name(new org.eclipse.swt.widgets.List(box, SWT.BORDER | SWT.SINGLE | SWT.V_SCROLL),
                "intake.procedure.list");
        GridData ld = new GridData(SWT.FILL, SWT.FILL, true, false, 2, 1);
        ld.heightHint = list.getItemHeight() * 5;
        list.setLayoutData(ld);
        search.addModifyListener(e -> refill());
        search.addListener(SWT.Traverse, e -> {
            if (e.detail == SWT.TRAVERSE_RETURN) {   // Enter picks, it does not save
                e.doit = false;
                if (list.getItemCount() > 0) {
                    list.select(Math.max(0, list.getSelectionIndex()));
                    choose(onSelect);
                    list.setFocus();
                }
            }
        });
        search.addListener(SWT.KeyDown, e -> {
            if (e.keyCode == SWT.ARROW_DOWN && list.getItemCount() > 0) {
                list.select(Math.max(0, list.getSelectionIndex()));
                list.setFocus();
            }
        });
        list.addListener(SWT.Selection, e -> choose(onSelect));
        refill();
        Runnable changed = () -> list.getDisplay().asyncExec(() -> {
            if (!list.isDisposed()) {
                catalogueChanged(onSelect);
            }
        });
        desk.addReferenceListener(changed);
        list.addDisposeListener(e -> desk.removeReferenceListener(changed));
    }

    /** The desk's catalogue changed (a feed page arrived): list it, and move a chosen procedure to its newest version. */
    void catalogueChanged(Consumer<Procedure> onSelect) {
        catalogue = desk.catalogue();
        refill();
        if (selected != null) {
            catalogue.latest(selected.code()).filter(p -> p.version() != selected.version() && !catalogue.isWithdrawn(p.code()))
                    .ifPresent(newer -> {
                        selected = newer;
                        onSelect.accept(newer);
                    });
        }
    }

    /**
     * Procedure codes listed first, in this order, while nothing is typed: the unit's most received ones. Once the
     * officer types, the catalogue's own ranking of matches applies.
     */
    void preferFirst(List<String> codes) {
        preferred = List.copyOf(codes);
        refill();
    }

    private void refill() {
        shown.clear();
        shown.addAll(catalogue.search(search.getText()));
        if (search.getText().isBlank() && !preferred.isEmpty()) {
            shown.sort(java.util.Comparator.comparingInt(p -> {
                int rank = preferred.indexOf(p.code());
                return rank < 0 ? Integer.MAX_VALUE : rank;
            }));
        }
        list.setItems(shown.stream().map(p -> p.code() + " — " + p.name()).toArray(String[]::new));
    }

    private void choose(Consumer<Procedure> onSelect) {
        int i = list.getSelectionIndex();
        if (i >= 0 && i < shown.size()) {
            selected = shown.get(i);
            onSelect.accept(selected);
        }
    }

    public Procedure selected() {
        return selected;
    }

    /** Empties the search for the next citizen; the chosen procedure stays. */
    public void clearSearch() {
        search.setText("");
    }

    public Text searchBox() {
        return search;
    }
}
