package org.motcua.ui;

import org.eclipse.swt.widgets.Widget;

/** Stable names on widgets, for tests and support: {@code widget.getData(UiIds.KEY)}. */
public final class UiIds {

    public static final String KEY = "org.motcua.ui.id";

    private UiIds() {
    }

    public static <T extends Widget> T name(T widget, String id) {
        widget.setData(KEY, id);
        return widget;
    }
}
