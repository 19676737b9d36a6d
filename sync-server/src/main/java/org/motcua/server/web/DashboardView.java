package org.motcua.server.web;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.motcua.server.dashboard.CommuneOverview.Commune;
import org.motcua.server.dashboard.Judged;
import org.motcua.server.dashboard.StackedBars;

/** What the dashboard's templates need besides their data: numbers, times and rates in Vietnamese, and sort links. */
public final class DashboardView {

    /** The overview's sortable columns, each with how it orders the communes (ascending). */
    public enum Column {
        UNIT(Comparator.comparing(Commune::unitCode)),
        NAME(Comparator.comparing(Commune::unitName)),
        RECEIVED(Comparator.comparingLong(Commune::receivedThisMonth)),
        IN_PROCESS(Comparator.comparingLong(Commune::inProcess)),
        OVERDUE(Comparator.comparingLong(Commune::overdue)),
        DUE_SOON(Comparator.comparingLong(Commune::dueSoon)),
        RATE(Comparator.comparing((Commune c) -> c.thisMonth().onTimeRate(), Comparator.nullsFirst(Comparator.naturalOrder()))),
        SATISFIED(Comparator.comparing((Commune c) -> c.ratings().satisfiedShare(), Comparator.nullsFirst(Comparator.naturalOrder()))),
        LAST_SYNC(Comparator.comparing(Commune::oldestSync, Comparator.nullsFirst(Comparator.naturalOrder()))),
        HELD_BACK(Comparator.comparing(Commune::heldBack, Comparator.nullsFirst(Comparator.naturalOrder())));

        final Comparator<Commune> order;

        Column(Comparator<Commune> order) {
            this.order = order;
        }

        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static Column of(String key) {
            for (Column c : values()) {
                if (c.key().equals(key)) {
                    return c;
                }
            }
            return null;
        }
    }

    private final Messages messages = Messages.vietnamese();
    private final Column sorted;
    private final boolean descending;

    DashboardView(Column sorted, boolean descending) {
        this.sorted = sorted;
        this.descending = descending;
    }

    static DashboardView unsorted() {
        return new DashboardView(null, false);
    }

    List<Commune> sort(List<Commune> rows) {
        Comparator<Commune> order = sorted.order.thenComparing(Commune::unitCode);
        return rows.stream().sorted(descending ? sorted.order.reversed().thenComparing(Commune::unitCode) : order).toList();
    }

    /** The link of a column's heading: sorts by it, or reverses it when it is the current sort. */
    public String sortHref(String key) {
        Column c = Column.of(key);
        boolean desc = c == sorted ? !descending : c != Column.UNIT && c != Column.NAME;
        return "?sort=" + key + "&dir=" + (desc ? "desc" : "asc");
    }

    /** The heading's {@code aria-sort} value, null when not sorted by it. */
    public String ariaSort(String key) {
        return Column.of(key) == sorted ? (descending ? "descending" : "ascending") : null;
    }

    public String time(Instant t) {
        return Formats.time(t);
    }

    public String number(long n) {
        return String.format(Messages.VIETNAMESE, "%,d", n);
    }

    public String rate(Judged j) {
        Double r = j.onTimeRate();
        return r == null ? "—" : StackedBars.percent(r);
    }

    /** "80,0 % (15)": satisfied share and how many rated; a dash with no rating. */
    public String ratings(org.motcua.server.dashboard.CommuneOverview.Ratings r) {
        Double share = r.satisfiedShare();
        return share == null ? "—" : StackedBars.percent(share) + " (" + number(r.total()) + ")";
    }

    public String heldBack(Long n) {
        return n == null ? "—" : "≈ " + number(n);
    }

    /** "3 ngày", or hours below a day. */
    public String lateBy(Duration d) {
        long days = d.toDays();
        return days >= 1 ? messages.get("dashboard.days", days + (d.minusDays(days).isZero() ? 0 : 1))
                : messages.get("dashboard.hours", Math.max(1, d.toHours()));
    }

    public String status(int code) {
        return messages.get("lookup.status." + code);
    }

    public String action(String action) {
        String key = "dashboard.action." + action;
        return messages.has(key) ? messages.get(key) : action;
    }

    public String timeliness(String t) {
        return t == null ? "—" : messages.get("dashboard.timeliness." + t);
    }

    public String shortId(String id) {
        return id == null ? "—" : id.substring(0, Math.min(8, id.length()));
    }

    static Function<String, String> words() {
        return Messages.vietnamese()::get;
    }
}
