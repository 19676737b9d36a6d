package org.motcua.server.web;

import java.util.List;
import java.util.Locale;
import org.motcua.server.score.CommuneScore;
import org.motcua.server.score.Period;

/** What the estimated-score pages show, already in words: rows of the province's table and a commune's groups. */
public final class ScoreView {

    private ScoreView() {
    }

    /** One tab of the period: its label, link and whether it is shown. */
    public record Tab(String label, String href, boolean current) {
    }

    /** One column heading that sorts the province's table. */
    public record SortLink(String label, String href, boolean current, boolean numeric) {
    }

    /** One commune in the province's table. */
    public record Row(String unitCode, String unitName, String href, String estimate, double estimateValue, List<String> groups,
            long late, long dueSoon) {
    }

    public record CostRow(String code, String reason, String due, String ended) {
    }

    /** One indicator group of a commune. */
    public record GroupView(String key, String name, String note, boolean estimated, String points, String max, String counted,
            List<CostRow> costs, long costCount) {

        public boolean truncated() {
            return costCount > costs.size();
        }
    }

    static String points(double p) {
        return String.format(Messages.VIETNAMESE, "%.1f", p);
    }

    static String periodLabel(Messages m, Period p) {
        int quarter = (p.firstDay().getMonthValue() - 1) / 3 + 1;
        return m.get("score.period." + p.kind().name(), Integer.toString(p.firstDay().getMonthValue()), Integer.toString(quarter),
                Integer.toString(p.firstDay().getYear()));
    }

    static CostRow cost(Messages m, CommuneScore.Cost c) {
        return new CostRow(c.dossierCode(), m.get("score.reason." + c.reason().name()), Formats.time(c.dueAt()),
                c.endedAt() == null ? m.get("score.cost.open") : Formats.time(c.endedAt()));
    }

    static GroupView group(Messages m, CommuneScore.Group g) {
        return new GroupView(g.key(), m.get("score.group." + g.key()), m.get("score.note." + g.key()), g.estimated(),
                g.estimated() ? points(g.points()) : "—", points(g.maxPoints()),
                !g.estimated() ? "" : g.total() == 0 ? m.get("score.counted.none") : m.get("score.counted", g.counted(), g.total()),
                g.costs().stream().map(c -> cost(m, c)).toList(), g.costCount());
    }

    static String slug(String key) {
        return key.toLowerCase(Locale.ROOT);
    }
}
