package org.motcua.server.score;

import java.time.Instant;
import java.util.List;

/**
 * One commune's estimated score for one period, group by group, and the open dossiers due before the period closes
 * ({@code dueSoon}: late unless they end in time).
 */
public record CommuneScore(String unitCode, Period period, Instant judgedAt, List<Group> groups, List<Cost> dueSoon,
        long dueSoonCount) {

    public CommuneScore {
        groups = List.copyOf(groups);
        dueSoon = List.copyOf(dueSoon);
    }

    /** Points of the groups estimated here. */
    public double estimatedPoints() {
        return groups.stream().filter(Group::estimated).mapToDouble(Group::points).sum();
    }

    /** The most the estimated groups can give. */
    public double estimatedMax() {
        return groups.stream().filter(Group::estimated).mapToDouble(Group::maxPoints).sum();
    }

    public Group group(String key) {
        return groups.stream().filter(g -> g.key().equals(key)).findFirst().orElseThrow();
    }

    /**
     * One indicator group. An estimated group has {@code points} from the synced dossiers ({@code counted} of
     * {@code total} good); a group left to the national portal has none. {@code costs} names the dossiers that cost
     * points (at most {@link ScoreCalculator#MAX_COSTS_LISTED}; {@code costCount} is how many there are).
     */
    public record Group(String key, double maxPoints, boolean estimated, double points, long counted, long total,
            List<Cost> costs, long costCount) {

        public Group {
            costs = List.copyOf(costs);
        }
    }

    /**
     * A dossier that costs (or, for {@link Reason#DUE_BEFORE_PERIOD_END}, will cost) points, and why.
     *
     * @param dueAt   the index's due time (receipt date plus supplement waiting), when it has one
     * @param endedAt when it ended, null while open
     */
    public record Cost(String dossierCode, Reason reason, Instant dueAt, Instant endedAt) {
    }

    public enum Reason {
        /** Ended after its due time. */
        ENDED_LATE,
        /** Asked for a supplement twice: late, whenever it ends. */
        SECOND_SUPPLEMENT,
        /** Still open and already past its due time. */
        OPEN_LATE,
        /** Still open, due before the period closes: late unless it ends in time. */
        DUE_BEFORE_PERIOD_END,
        /** Received without any scanned document. */
        NO_DIGITISED_DOCUMENTS,
        /** Done without a result file. */
        NO_DIGITISED_RESULT,
        /** The citizen rated the service "not satisfied". */
        NOT_SATISFIED,
        /** A number of a desk's day that never reached the province (received at the desk, not synced). */
        NUMBER_NOT_SYNCED;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }
}
