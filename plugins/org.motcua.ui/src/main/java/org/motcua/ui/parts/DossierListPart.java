package org.motcua.ui.parts;

import jakarta.annotation.PostConstruct;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.motcua.ui.Messages;

/**
 * The dossier list. A virtual table from the start, because a busy ward accumulates ~300,000 dossiers in
 * ten years; it is filled from the store once the store exists.
 */
public class DossierListPart {

    static final String[] COLUMN_KEYS = {"dossiers.col.code", "dossiers.col.procedure", "dossiers.col.applicant",
        "dossiers.col.received", "dossiers.col.due", "dossiers.col.status"};
    private static final int[] COLUMN_WIDTHS = {200, 260, 200, 110, 110, 130};

    private final Messages messages = Messages.current();

    @PostConstruct
    public void createControls(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        Label empty = new Label(parent, SWT.NONE);
        empty.setText(messages.get("dossiers.empty"));

        Table table = new Table(parent, SWT.VIRTUAL | SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        for (int i = 0; i < COLUMN_KEYS.length; i++) {
            TableColumn column = new TableColumn(table, SWT.LEFT);
            column.setText(messages.get(COLUMN_KEYS[i]));
            column.setWidth(COLUMN_WIDTHS[i]);
        }
        table.setItemCount(0);
    }
}
