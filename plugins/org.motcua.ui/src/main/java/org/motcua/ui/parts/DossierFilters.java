package org.motcua.ui.parts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DateTime;
import org.eclipse.swt.widgets.Label;
import org.motcua.core.catalogue.Procedure;
import org.motcua.store.DossierQuery;
import org.motcua.ui.Messages;
import org.motcua.ui.UiIds;

/**
 * The dossier list's second filter row: procedure, field, and the day range the dossiers were received in
 * (off until its box is ticked, so the list starts with everything). Calls {@code onChange} after each change.
 */
final class DossierFilters {

    private final List<Procedure> procedures;
    private final List<String> fieldCodes;
    private final Combo procedure;
    private final Combo field;
    private final Button byDate;
    private final DateTime from;
    private final DateTime to;

    DossierFilters(Composite parent, Messages messages, List<Procedure> catalogue, LocalDate today, Runnable onChange) {
        procedures = catalogue.stream().sorted(Comparator.comparing(Procedure::code)).toList();
        Map<String, String> fields = new LinkedHashMap<>();
        procedures.stream().sorted(Comparator.comparing(Procedure::fieldName))
                .forEach(p -> fields.putIfAbsent(p.fieldCode(), p.fieldName()));
        fieldCodes = new ArrayList<>(fields.keySet());

        Composite row = new Composite(parent, SWT.NONE);
        row.setLayout(new GridLayout(8, false));
        row.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 6, 1));
        new Label(row, SWT.NONE).setText(messages.get("dossiers.procedure"));
        procedure = UiIds.name(new Combo(row, SWT.READ_ONLY), "dossiers.procedureFilter");
        procedure.add(messages.get("dossiers.all"));
        procedures.forEach(p -> procedure.add(p.code() + " — " + p.name()));
        procedure.setVisibleItemCount(15);
        GridData wide = new GridData(SWT.FILL, SWT.CENTER, true, false);
        wide.widthHint = 260;
        procedure.setLayoutData(wide);
        new Label(row, SWT.NONE).setText(messages.get("dossiers.field"));
        field = UiIds.name(new Combo(row, SWT.READ_ONLY), "dossiers.fieldFilter");
        field.add(messages.get("dossiers.all"));
        fields.values().forEach(field::add);
        field.setVisibleItemCount(15);
        field.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        byDate = UiIds.name(new Button(row, SWT.CHECK), "dossiers.byDate");
        byDate.setText(messages.get("dossiers.receivedFrom"));
        from = date(row, "dossiers.from", today);
        new Label(row, SWT.NONE).setText(messages.get("dossiers.receivedTo"));
        to = date(row, "dossiers.to", today);
        procedure.select(0);
        field.select(0);
        for (var control : List.of(procedure, field, byDate)) {
            control.addListener(SWT.Selection, e -> onChange.run());
        }
        for (DateTime d : List.of(from, to)) {   // a day changed while the range is off changes nothing shown
            d.addListener(SWT.Selection, e -> {
                if (byDate.getSelection()) {
                    onChange.run();
                }
            });
        }
    }

    private static DateTime date(Composite row, String id, LocalDate day) {
        DateTime d = UiIds.name(new DateTime(row, SWT.DATE | SWT.DROP_DOWN | SWT.BORDER), id);
        d.setDate(day.getYear(), day.getMonthValue() - 1, day.getDayOfMonth());
        return d;
    }

    /** {@code query} narrowed by what is chosen here. */
    DossierQuery apply(DossierQuery query) {
        DossierQuery q = query;
        if (procedure.getSelectionIndex() > 0) {
            q = q.withProcedure(procedures.get(procedure.getSelectionIndex() - 1).code());
        }
        if (field.getSelectionIndex() > 0) {
            q = q.withField(fieldCodes.get(field.getSelectionIndex() - 1));
        }
        if (byDate.getSelection()) {
            LocalDate a = day(from);
            LocalDate b = day(to);
            q = a.isAfter(b) ? q.receivedBetween(b, a) : q.receivedBetween(a, b);
        }
        return q;
    }

    /** True when nothing is chosen here. */
    boolean none() {
        return procedure.getSelectionIndex() <= 0 && field.getSelectionIndex() <= 0 && !byDate.getSelection();
    }

    private static LocalDate day(DateTime d) {
        return LocalDate.of(d.getYear(), d.getMonth() + 1, d.getDay());
    }
}
