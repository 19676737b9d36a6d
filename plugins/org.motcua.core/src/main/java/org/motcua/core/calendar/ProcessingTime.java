package org.motcua.core.calendar;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import org.motcua.core.validation.Localizable;
import org.motcua.core.validation.Texts;

/**
 * The legal processing time of a procedure (thời hạn giải quyết), or an extension of it.
 *
 * <p>One working day is 8 working hours (national rule), whatever the desk's sessions. Zero working
 * days means a same-day procedure (giải quyết trong ngày): see {@link DeadlineCalculator}. Amounts are
 * whole numbers because the catalogue states whole days or hours; half a day is written as 4 hours.
 */
public record ProcessingTime(int amount, Unit unit) implements Localizable {

    public static final int HOURS_PER_WORKING_DAY = 8;

    private static final String LABELS = "org.motcua.core.calendar.labels";

    public enum Unit {
        WORKING_DAYS, WORKING_HOURS
    }

    public ProcessingTime {
        Objects.requireNonNull(unit, "unit");
        if (amount < 0) {
            throw new IllegalArgumentException("a processing time cannot be negative: " + amount);
        }
    }

    public static ProcessingTime workingDays(int days) {
        return new ProcessingTime(days, Unit.WORKING_DAYS);
    }

    public static ProcessingTime workingHours(int hours) {
        return new ProcessingTime(hours, Unit.WORKING_HOURS);
    }

    /** A same-day procedure: the result the day counting starts, before the desk closes. */
    public static ProcessingTime sameDay() {
        return workingDays(0);
    }

    /** True for zero working days: the result is due at the close of the day counting starts. */
    public boolean isSameDay() {
        return amount == 0 && unit == Unit.WORKING_DAYS;
    }

    /** The working time this amounts to (zero for a same-day procedure). */
    public Duration workingTime() {
        return switch (unit) {
            case WORKING_DAYS -> Duration.ofHours((long) amount * HOURS_PER_WORKING_DAY);
            case WORKING_HOURS -> Duration.ofHours(amount);
        };
    }

    /** E.g. "03 ngày làm việc", "4 giờ làm việc", "Trong ngày". */
    @Override
    public String displayName(Locale locale) {
        if (isSameDay()) {
            return Texts.format(LABELS, "processingTime.sameDay", locale);
        }
        String key = unit == Unit.WORKING_DAYS ? "processingTime.days" : "processingTime.hours";
        return Texts.format(LABELS, key, locale, amount);
    }
}
