package org.motcua.store.sync;

import java.time.LocalDate;

/** The highest dossier number used on one date (the marker's and the server state's {@code codeCounters}). */
public record DayCounter(LocalDate date, int lastNumber) {
}
