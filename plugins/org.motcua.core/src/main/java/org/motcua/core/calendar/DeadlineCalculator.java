package org.motcua.core.calendar;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Computes due instants (ngày hẹn trả) and working time on a {@link WorkingCalendar}.
 *
 * <p><b>Counting start.</b> Working time is counted only inside sessions, skipping holidays and swapped
 * days off and using compensatory working days. Counting starts:
 * <ul>
 * <li>at the reception instant when it lies in a session (from its start up to, not including, its end);</li>
 * <li>otherwise at the start of the next session (lunch break, evening, weekend, holiday);</li>
 * <li>when a cut-off is given and the reception time of day is strictly after it (e.g. after 15:00,
 * "sau 15 giờ"), at the first session of the next working day, whatever remains of the day.</li>
 * </ul>
 *
 * <p><b>Due instant.</b> The due instant is the <em>earliest</em> instant at which the processing time
 * has been worked since the counting start. Consequences, with the default 8-hour weekday:
 * <ul>
 * <li>N working days after a reception at 09:00 in a session end at 09:00 on the N-th working day after;</li>
 * <li>a due instant that falls exactly on a session end stays there and never moves to the start of the
 * next session: 1 working day from Monday 11:30 (or from the lunch break) is Tuesday 11:30, 3 working
 * days counted from Tuesday 07:30 end on Thursday 17:30, not Friday 07:30;</li>
 * <li>a due instant is therefore always inside a session (its end included) of a working day, and the
 * {@linkplain #workingTimeBetween working time} between the counting start and it equals the
 * processing time exactly.</li>
 * </ul>
 * A same-day procedure ({@link ProcessingTime#sameDay()}) is due at the end of the last session of the
 * day counting starts: received Monday 10:00, due Monday 17:30; received Monday 16:00 with a 15:00
 * cut-off, due Tuesday 17:30.
 *
 * <p>Instants are local civil time in Vietnam (UTC+7, no daylight saving), so {@link LocalDateTime}
 * is exact.
 */
public final class DeadlineCalculator {

    /** The cut-off most procedures state: a dossier received after 15:00 counts from the next working day. */
    public static final LocalTime USUAL_CUT_OFF = LocalTime.of(15, 0);

    private final WorkingCalendar calendar;

    public DeadlineCalculator(WorkingCalendar calendar) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
    }

    public WorkingCalendar calendar() {
        return calendar;
    }

    /**
     * The due instant of a dossier received at {@code receivedAt} (see the class comment for the rules).
     *
     * @param afternoonCutOff when present, a reception strictly after this time of day counts from the
     *                        next working day
     */
    public LocalDateTime dueAt(LocalDateTime receivedAt, ProcessingTime time, Optional<LocalTime> afternoonCutOff) {
        Objects.requireNonNull(time, "time");
        LocalDateTime start = countingStart(receivedAt, afternoonCutOff);
        if (time.isSameDay()) {
            return endOfDay(start.toLocalDate());
        }
        return plusWorkingTime(start, time.workingTime());
    }

    /** Where counting starts for a reception at {@code receivedAt}: always an instant inside a session. */
    public LocalDateTime countingStart(LocalDateTime receivedAt, Optional<LocalTime> afternoonCutOff) {
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(afternoonCutOff, "afternoonCutOff");
        if (afternoonCutOff.isPresent() && receivedAt.toLocalTime().isAfter(afternoonCutOff.get())) {
            return startOfDay(calendar.nextWorkingDay(receivedAt.toLocalDate()));
        }
        LocalDate day = receivedAt.toLocalDate();
        LocalTime time = receivedAt.toLocalTime();
        for (Session session : calendar.sessionsOn(day)) {
            if (time.isBefore(session.end())) {
                return time.isBefore(session.start()) ? day.atTime(session.start()) : receivedAt;
            }
        }
        return startOfDay(calendar.nextWorkingDay(day));
    }

    /**
     * Moves a due instant later by {@code extra} working time, counted from {@code currentDue} (from the
     * next session start if the due instant is no longer inside a session, e.g. after a holiday was
     * added). An extension never moves the due instant earlier; a zero extension (including
     * {@link ProcessingTime#sameDay()}) leaves it unchanged.
     */
    public LocalDateTime extend(LocalDateTime currentDue, ProcessingTime extra) {
        Objects.requireNonNull(currentDue, "currentDue");
        Duration work = extra.workingTime();
        return work.isZero() ? currentDue : plusWorkingTime(currentDue, work);
    }

    /**
     * The earliest instant at which {@code amount} of working time has elapsed after {@code from}
     * ({@code from} itself for zero). Used for a handover step's deadline.
     */
    public LocalDateTime plusWorkingTime(LocalDateTime from, Duration amount) {
        Objects.requireNonNull(from, "from");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("working time to add cannot be negative: " + amount);
        }
        if (amount.isZero()) {
            return from;
        }
        Duration remaining = amount;
        LocalDate day = from.toLocalDate();
        LocalTime cursor = from.toLocalTime();
        while (true) {
            for (Session session : calendar.sessionsOn(day)) {
                if (!cursor.isBefore(session.end())) {
                    continue;
                }
                LocalTime begin = cursor.isAfter(session.start()) ? cursor : session.start();
                Duration available = Duration.between(begin, session.end());
                if (remaining.compareTo(available) <= 0) {
                    return day.atTime(begin.plus(remaining));
                }
                remaining = remaining.minus(available);
            }
            day = calendar.nextWorkingDay(day);
            cursor = LocalTime.MIN;
        }
    }

    /**
     * The working time inside sessions between {@code a} and {@code b}; negative when {@code b} is
     * before {@code a}. For example the lateness of a result: {@code workingTimeBetween(due, finished)}
     * is positive when late, negative when early.
     */
    public Duration workingTimeBetween(LocalDateTime a, LocalDateTime b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        if (b.isBefore(a)) {
            return workingTimeBetween(b, a).negated();
        }
        Duration total = Duration.ZERO;
        for (LocalDate day = a.toLocalDate(); !day.isAfter(b.toLocalDate()); day = day.plusDays(1)) {
            LocalTime from = day.equals(a.toLocalDate()) ? a.toLocalTime() : LocalTime.MIN;
            LocalTime to = day.equals(b.toLocalDate()) ? b.toLocalTime() : LocalTime.MAX;
            for (Session session : calendar.sessionsOn(day)) {
                LocalTime begin = from.isAfter(session.start()) ? from : session.start();
                LocalTime end = to.isBefore(session.end()) ? to : session.end();
                if (begin.isBefore(end)) {
                    total = total.plus(Duration.between(begin, end));
                }
            }
        }
        return total;
    }

    private LocalDateTime startOfDay(LocalDate workingDay) {
        return workingDay.atTime(calendar.sessionsOn(workingDay).get(0).start());
    }

    private LocalDateTime endOfDay(LocalDate workingDay) {
        List<Session> sessions = calendar.sessionsOn(workingDay);
        return workingDay.atTime(sessions.get(sessions.size() - 1).end());
    }
}
