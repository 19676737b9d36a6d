package org.motcua.core.calendar;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Objects;

/**
 * One working session of a day, such as the morning 07:30–11:30.
 *
 * <p>Both ends count as inside the session: a dossier due at 11:30 is due within the morning session,
 * and one received at 07:30 is received in it. Time is local time in Vietnam (no daylight saving).
 */
public record Session(LocalTime start, LocalTime end) {

    public Session {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("a session must end after it starts: " + start + "–" + end);
        }
    }

    public static Session of(String start, String end) {
        return new Session(LocalTime.parse(start), LocalTime.parse(end));
    }

    public Duration length() {
        return Duration.between(start, end);
    }

    /** True when {@code time} lies in the session, both ends included. */
    public boolean contains(LocalTime time) {
        return !time.isBefore(start) && !time.isAfter(end);
    }

    @Override
    public String toString() {
        return start + "–" + end;
    }
}
