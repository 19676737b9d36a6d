package org.motcua.server.score;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.motcua.server.score.CommuneScore.Cost;
import org.motcua.server.score.CommuneScore.Group;
import org.motcua.server.score.CommuneScore.Reason;

/**
 * The service-quality index (Decision 766/QĐ-TTg) for one commune and period, from its dossiers: records in, score
 * out, no database. Groups and points as the national portal reports them in 2026 ({@code shared/domain.md}); the
 * groups the synced events cannot tell are returned as left to the portal, with no points.
 *
 * <p>On time (20, linear): a dossier counts in a period when it was received before the period is judged and had not
 * ended before the period began. It is on time when it ended (result, refusal, stop, withdrawal) by its due time: the
 * receipt's due time plus the working time the citizen spent bringing a supplement (or, when the desk judged the
 * ending, the due time it judged against). A second supplement request makes it late. A dossier open when the period
 * is judged is late once past that due time, on time otherwise. An extension or apology never moves the due time.
 *
 * <p>Digitisation (22): the desk records scanned documents at reception and a result file with {@code MARK_DONE}; the
 * portal's formula note splits the group into parts whose weights are not published, so this estimate gives 8 points
 * to each of those two shares and leaves 6 (reuse of digitised data, population-database checks) to the portal.
 *
 * <p>Synced to the portal (6): dossiers the province holds ÷ dossiers the communes numbered (the numbers missing from
 * a desk's daily range are dossiers received at the desk that never reached the province).
 *
 * <p>Satisfaction (18): 100 % less the share of dossiers that were late or rated "not satisfied"; full marks from 90 %.
 */
public final class ScoreCalculator {

    public static final double ON_TIME_POINTS = 20;
    public static final double DOCUMENTS_POINTS = 8;
    public static final double RESULTS_POINTS = 8;
    public static final double SYNCED_POINTS = 6;
    public static final double SATISFACTION_POINTS = 18;
    /** The most the groups estimated here can give. */
    public static final double ESTIMATED_MAX = ON_TIME_POINTS + DOCUMENTS_POINTS + RESULTS_POINTS + SYNCED_POINTS
            + SATISFACTION_POINTS;
    /** The satisfaction rate from which the group gives full marks. */
    public static final double SATISFACTION_FULL_FROM = 0.90;
    /** The groups (or parts) left to the national portal, with their points; all groups add up to 100. */
    public static final Map<String, Double> LEFT_TO_PORTAL = leftToPortal();
    /** A page lists at most this many dossiers per group; the count says how many there are. */
    public static final int MAX_COSTS_LISTED = 100;

    /** {@code <unit>-<YYMMDD>-<NNNN>}. */
    private static final Pattern CODE = Pattern.compile("^(.+)-(\\d{6})-(\\d{4})$");
    /** Numbers of leases (9000..9999): drawn out of order, so a hole there says nothing. */
    private static final int FIRST_LEASED_NUMBER = 9000;

    private final WorkingTime workingTime;

    public ScoreCalculator(WorkingTime workingTime) {
        this.workingTime = workingTime;
    }

    /**
     * @param dossiers the commune's dossiers that may count in the period (others are ignored)
     * @param codes    the codes of the commune's dossiers the province holds (those dated in the period are used)
     */
    public CommuneScore score(String unitCode, Period period, Instant asOf, List<DossierFacts> dossiers, List<String> codes) {
        Instant judgedAt = period.judgedAt(asOf);
        List<Cost> late = new ArrayList<>();
        List<Cost> dueSoon = new ArrayList<>();
        List<Cost> noDocuments = new ArrayList<>();
        List<Cost> noResult = new ArrayList<>();
        List<Cost> unhappy = new ArrayList<>();
        long judged = 0;
        long received = 0;
        long done = 0;
        long satisfactionBase = 0;
        for (DossierFacts d : dossiers) {
            boolean counts = d.receivedAt() != null && d.receiptDueAt() != null && d.receivedAt().isBefore(judgedAt)
                    && (d.endedAt() == null || !d.endedAt().isBefore(period.start()));
            boolean ended = d.endedAt() != null && d.endedAt().isBefore(judgedAt);
            if (counts) {
                judged++;
                Judgement j = judge(d, ended ? d.endedAt() : judgedAt, ended);
                if (j.reason() != null) {
                    late.add(new Cost(d.dossierCode(), j.reason(), j.due(), ended ? d.endedAt() : null));
                } else if (!ended && j.due().isBefore(period.end())) {
                    dueSoon.add(new Cost(d.dossierCode(), Reason.DUE_BEFORE_PERIOD_END, j.due(), null));
                }
            }
            boolean notSatisfied = d.notSatisfiedAt() != null && period.contains(d.notSatisfiedAt())
                    && !d.notSatisfiedAt().isAfter(judgedAt);
            if (counts || notSatisfied) {
                satisfactionBase++;
                if (notSatisfied) {
                    unhappy.add(new Cost(d.dossierCode(), Reason.NOT_SATISFIED, null, d.endedAt()));
                }
            }
            if (d.receivedAt() != null && period.contains(d.receivedAt()) && d.receivedAt().isBefore(judgedAt)) {
                received++;
                if (!d.documentsDigitised()) {
                    noDocuments.add(new Cost(d.dossierCode(), Reason.NO_DIGITISED_DOCUMENTS, d.receiptDueAt(), d.endedAt()));
                }
            }
            if (ended && "MARK_DONE".equals(d.endAction()) && period.contains(d.endedAt())) {
                done++;
                if (!d.resultDigitised()) {
                    noResult.add(new Cost(d.dossierCode(), Reason.NO_DIGITISED_RESULT, null, d.endedAt()));
                }
            }
        }
        java.time.LocalDate lastDay = judgedAt.minusNanos(1).atZone(Period.VIETNAM).toLocalDate();
        List<String> dated = codes.stream().filter(c -> datedWithin(c, period.firstDay(), lastDay)).toList();
        List<Cost> missing = missingNumbers(dated);
        long held = dated.size();
        List<Group> groups = new ArrayList<>();
        groups.add(group("on-time", ON_TIME_POINTS, judged - late.size(), judged, late));
        groups.add(group("digitised-documents", DOCUMENTS_POINTS, received - noDocuments.size(), received, noDocuments));
        groups.add(group("digitised-results", RESULTS_POINTS, done - noResult.size(), done, noResult));
        groups.add(group("synced", SYNCED_POINTS, held, held + missing.size(), missing));
        groups.add(satisfaction(satisfactionBase, late, unhappy));
        LEFT_TO_PORTAL.forEach((key, points) -> groups.add(new Group(key, points, false, 0, 0, 0, List.of(), 0)));
        dueSoon.sort(Comparator.comparing(Cost::dueAt));
        return new CommuneScore(unitCode, period, judgedAt, groups, cap(dueSoon), dueSoon.size());
    }

    private record Judgement(Instant due, Reason reason) {
    }

    /** Judges {@code d} at {@code at}: its end, or the time an open dossier is judged. */
    private Judgement judge(DossierFacts d, Instant at, boolean ended) {
        int requests = 0;
        Duration waited = Duration.ZERO;
        Instant waitingSince = null;
        for (DossierFacts.SupplementStep s : d.supplementSteps()) {
            if (s.at().isAfter(at)) {
                break;
            }
            if (s.request()) {
                requests++;
                if (waitingSince == null) {
                    waitingSince = s.at();
                }
            } else if (waitingSince != null) {
                waited = waited.plus(workingTime.between(waitingSince, s.at()));
                waitingSince = null;
            }
        }
        if (waitingSince != null) {   // still waiting for the citizen when it ended or is judged
            waited = waited.plus(workingTime.between(waitingSince, at));
        }
        Instant due = ended && d.deskIndexDueAt() != null ? d.deskIndexDueAt() : workingTime.plus(d.receiptDueAt(), waited);
        if (requests >= 2) {
            return new Judgement(due, Reason.SECOND_SUPPLEMENT);
        }
        if (at.isAfter(due)) {
            return new Judgement(due, ended ? Reason.ENDED_LATE : Reason.OPEN_LATE);
        }
        return new Judgement(due, null);
    }

    private static Group group(String key, double max, long good, long total, List<Cost> costs) {
        double points = total == 0 ? max : max * good / total;
        return new Group(key, max, true, points, good, total, cap(costs), costs.size());
    }

    /** Late or not-satisfied dossiers, each counted once, over the dossiers judged or rated in the period. */
    private static Group satisfaction(long base, List<Cost> late, List<Cost> unhappy) {
        List<Cost> costs = new ArrayList<>(late);
        java.util.Set<String> lateCodes = new java.util.HashSet<>();
        late.forEach(c -> lateCodes.add(c.dossierCode()));
        unhappy.stream().filter(c -> !lateCodes.contains(c.dossierCode())).forEach(costs::add);
        long bad = costs.size();
        double rate = base == 0 ? 1 : (double) (base - bad) / base;
        double points = SATISFACTION_POINTS * Math.min(1, rate / SATISFACTION_FULL_FROM);
        return new Group("satisfaction", SATISFACTION_POINTS, true, points, base - bad, base, cap(costs), bad);
    }

    /**
     * The numbers missing from each desk's daily range below its highest number held: a device {@code d} numbers a day's
     * dossiers from {@code (d-1)·1000+1} upwards and each number is stored with its dossier at intake, so a hole is a
     * dossier the desk holds and the province does not. Leased numbers (9000 and up) are drawn out of order and skipped.
     */
    static List<Cost> missingNumbers(List<String> codes) {
        Map<String, TreeSet<Integer>> byDayAndDevice = new TreeMap<>();
        for (String code : codes) {
            Matcher m = CODE.matcher(code);
            if (!m.matches()) {
                continue;
            }
            int n = Integer.parseInt(m.group(3));
            if (n >= FIRST_LEASED_NUMBER || n % 1000 == 0) {
                continue;
            }
            byDayAndDevice.computeIfAbsent(m.group(1) + "-" + m.group(2) + "|" + n / 1000, k -> new TreeSet<>()).add(n);
        }
        List<Cost> out = new ArrayList<>();
        byDayAndDevice.forEach((key, numbers) -> {
            String prefix = key.substring(0, key.indexOf('|'));
            int first = numbers.first() / 1000 * 1000 + 1;
            for (int n = first; n < numbers.last(); n++) {
                if (!numbers.contains(n)) {
                    out.add(new Cost(prefix + "-" + String.format("%04d", n), Reason.NUMBER_NOT_SYNCED, null, null));
                }
            }
        });
        return out;
    }

    private static Map<String, Double> leftToPortal() {
        Map<String, Double> m = new java.util.LinkedHashMap<>();
        m.put("disclosure", 12.0);          // public disclosure: 18, less the 6 of the synced share estimated here
        m.put("online-services", 12.0);
        m.put("online-payment", 10.0);
        m.put("digitisation-other", 6.0);   // reuse of digitised data, population-database checks
        return java.util.Collections.unmodifiableMap(m);
    }

    private static boolean datedWithin(String code, java.time.LocalDate first, java.time.LocalDate last) {
        Matcher m = CODE.matcher(code);
        if (!m.matches()) {
            return false;
        }
        String d = m.group(2);
        java.time.LocalDate day;
        try {
            day = java.time.LocalDate.of(2000 + Integer.parseInt(d.substring(0, 2)), Integer.parseInt(d.substring(2, 4)),
                    Integer.parseInt(d.substring(4, 6)));
        } catch (java.time.DateTimeException e) {
            return false;
        }
        return !day.isBefore(first) && !day.isAfter(last);
    }

    private static List<Cost> cap(List<Cost> costs) {
        return costs.size() <= MAX_COSTS_LISTED ? costs : costs.subList(0, MAX_COSTS_LISTED);
    }
}
