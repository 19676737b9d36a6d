package org.motcua.core.calendar;

import java.util.Optional;

/** What a government notice says about one date, as written in the holiday data ({@code kind}). */
public enum DayKind {

    /**
     * A paid day off: a statutory holiday, every day of an announced Tết span (weekend days included),
     * or a nghỉ bù given because a holiday fell on a weekend.
     */
    HOLIDAY("holiday"),

    /** A normal working day moved to a day off (nghỉ hoán đổi); a Saturday is worked instead. */
    DAY_OFF_SWAPPED("day-off-swapped"),

    /** A Saturday or Sunday worked to make up for a swapped day off (làm bù). */
    COMPENSATORY_WORKING_DAY("compensatory-working-day");

    private final String wireName;

    DayKind(String wireName) {
        this.wireName = wireName;
    }

    /** The value of {@code kind} in the JSON data. */
    public String wireName() {
        return wireName;
    }

    public static Optional<DayKind> fromWireName(String name) {
        for (DayKind kind : values()) {
            if (kind.wireName.equals(name)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** True for the kinds that close the desk for the day. */
    public boolean isDayOff() {
        return this != COMPENSATORY_WORKING_DAY;
    }
}
