package org.motcua.server.dashboard;

/**
 * Ended dossiers by their judgement: early, on time, late ("đúng và trước hạn" counts the first two together, as the
 * seeds and the national index do).
 */
public record Judged(long early, long onTime, long late) {

    public static final Judged NONE = new Judged(0, 0, 0);

    public long total() {
        return early + onTime + late;
    }

    /** Early and on time over all ended, in percent; null with nothing ended. */
    public Double onTimeRate() {
        return total() == 0 ? null : 100.0 * (early + onTime) / total();
    }

    public Judged plus(String timeliness, long n) {
        return switch (timeliness == null ? "" : timeliness) {
            case "EARLY" -> new Judged(early + n, onTime, late);
            case "ON_TIME" -> new Judged(early, onTime + n, late);
            case "LATE" -> new Judged(early, onTime, late + n);
            default -> this;
        };
    }

    public Judged plus(Judged o) {
        return new Judged(early + o.early, onTime + o.onTime, late + o.late);
    }
}
