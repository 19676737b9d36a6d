package org.motcua.ui.parts;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.motcua.core.catalogue.Procedure;
import org.motcua.core.catalogue.RequiredDocument;
import org.motcua.core.dossier.ReceivedDocument;
import org.motcua.ui.Messages;
import org.motcua.ui.UiIds;

/** The procedure's document list (thành phần hồ sơ): tick what the citizen handed in. Space ticks the row. */
public final class ChecklistTable {

    private final Messages messages;
    private final Table table;

    public ChecklistTable(Composite parent, Messages messages) {
        this.messages = messages;
        table = UiIds.name(new Table(parent, SWT.CHECK | SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL),
                "intake.checklist");
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        GridData gd = new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1);
        gd.heightHint = 120;
        table.setLayoutData(gd);
        String[] keys = {"intake.doc.name", "intake.doc.form", "intake.doc.count", "intake.doc.required"};
        int[] widths = {420, 200, 70, 90};
        for (int i = 0; i < keys.length; i++) {
            TableColumn c = new TableColumn(table, i == 2 ? SWT.RIGHT : SWT.LEFT);
            c.setText(messages.get(keys[i]));
            c.setWidth(widths[i]);
        }
    }

    public void show(Procedure procedure) {
        table.removeAll();
        for (RequiredDocument d : procedure.documents()) {
            TableItem item = new TableItem(table, SWT.NONE);
            item.setText(new String[] {d.name(), d.form().displayName(messages.locale()), String.valueOf(d.count()),
                d.required() ? messages.get("intake.doc.yes") : ""});
            item.setData(d);
        }
    }

    public List<ReceivedDocument> received() {
        List<ReceivedDocument> docs = new ArrayList<>();
        for (TableItem item : table.getItems()) {
            if (item.getChecked()) {
                docs.add(ReceivedDocument.of((RequiredDocument) item.getData()));
            }
        }
        return docs;
    }

    public void untickAll() {
        for (TableItem item : table.getItems()) {
            item.setChecked(false);
        }
    }

    public Table table() {
        return table;
    }
}
