package org.motcua.ui.admin;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.motcua.protocol.feed.RosterData;
import org.motcua.store.sync.FeedRoster;
import org.motcua.store.sync.ReferenceData;
import org.motcua.ui.Feedback;
import org.motcua.ui.Messages;
import org.motcua.ui.UiIds;
import org.motcua.ui.desk.Desk;

/**
 * The procedure catalogue and working calendar this desk uses: the province's versions and when they arrived, or the
 * sample built into the program for a desk that never synced; and, once the clock passes the catalogue's
 * {@code catalogueExpiresAt} (§10), a warning that it may be out of date. The warning never blocks reception. Below,
 * read-only, the commune's roster as the province last sent it. The section follows a feed page that arrives while it
 * is shown.
 */
final class ReferenceDataSection {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    /** The province's role names this desk has words for; others are shown as sent. */
    private static final Set<String> ROLE_KEYS = Set.of("settings.roster.role.commune-officer",
            "settings.roster.role.commune-leader", "settings.roster.role.province-admin", "settings.roster.role.province-leader");

    private final Messages messages = Messages.current();
    private final Desk desk;
    private Label catalogue;
    private Label expires;
    private Label warning;
    private Label calendar;
    private Label roster;

    ReferenceDataSection(Desk desk) {
        this.desk = desk;
    }

    void create(Composite parent) {
        Group group = UiIds.name(new Group(parent, SWT.NONE), "settings.reference");
        group.setText(messages.get("settings.reference"));
        group.setLayout(new GridLayout(2, false));
        group.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        catalogue = row(group, "settings.catalogue");
        expires = row(group, "settings.catalogue.expires");
        calendar = row(group, "settings.calendar");
        roster = row(group, "settings.roster");
        warning = UiIds.name(new Label(group, SWT.WRAP), "settings.catalogue.warning");
        warning.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        refresh();
        Runnable changed = () -> group.getDisplay().asyncExec(() -> {
            if (!group.isDisposed()) {
                refresh();
            }
        });
        desk.addReferenceListener(changed);
        group.addDisposeListener(e -> desk.removeReferenceListener(changed));
    }

    private Label row(Composite parent, String key) {
        new Label(parent, SWT.NONE).setText(messages.get(key));
        Label value = UiIds.name(new Label(parent, SWT.WRAP), key);
        value.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        return value;
    }

    void refresh() {
        ReferenceData reference = new ReferenceData(desk.store());
        ReferenceData.Catalogue inUse = reference.catalogue();
        catalogue.setText(inUse.fromFeed()
                ? messages.get("settings.catalogue.feed", String.valueOf(inUse.feedVersion().orElseThrow()), shown(inUse.arrivedAt().orElseThrow()))
                : messages.get("settings.catalogue.sample"));
        Optional<OffsetDateTime> expiry = reference.catalogueExpiresAt();
        expires.setText(expiry.map(e -> shown(e.atZoneSameInstant(desk.zone()).toLocalDateTime()))
                .orElse(messages.get("settings.catalogue.noExpiry")));
        List<String> years = new ArrayList<>();
        for (ReferenceData.CalendarYear y : reference.calendarYears()) {
            years.add(messages.get("settings.calendar.year", String.valueOf(y.year()), String.valueOf(y.feedVersion()), shown(y.arrivedAt())));
        }
        years.add(messages.get(years.isEmpty() ? "settings.calendar.sampleOnly" : "settings.calendar.sample"));
        calendar.setText(String.join("\n", years));
        roster.setText(new FeedRoster(desk.store()).current().map(this::rosterText)
                .orElse(messages.get("settings.roster.none")));
        boolean expired = reference.catalogueExpired(desk.instant());
        Feedback.show(warning, expired ? messages.get("settings.catalogue.expired",
                shown(expiry.orElseThrow().atZoneSameInstant(desk.zone()).toLocalDateTime())) : "", true);
        catalogue.getParent().getParent().layout(true, true);
    }

    /** One line per officer the province lists; read-only: the desk's own accounts decide who may log in. */
    private String rosterText(FeedRoster.Received r) {
        List<String> lines = new ArrayList<>();
        lines.add(messages.get("settings.roster.received", String.valueOf(r.roster().officers().size()), shown(r.arrivedAt())));
        for (RosterData.Officer o : r.roster().officers()) {
            String roles = String.join(", ", o.roles().stream().map(this::roleName).toList());
            lines.add(messages.get(o.active() ? "settings.roster.officer" : "settings.roster.inactive", o.fullName(),
                    o.officerId(), roles));
        }
        return String.join("\n", lines);
    }

    private String roleName(String role) {
        String key = "settings.roster.role." + role;
        return ROLE_KEYS.contains(key) ? messages.get(key) : role;
    }

    private static String shown(LocalDateTime t) {
        return SHOWN.format(t);
    }
}
