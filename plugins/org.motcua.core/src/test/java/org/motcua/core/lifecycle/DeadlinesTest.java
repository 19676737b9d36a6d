package org.motcua.core.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DeadlinesTest {

    private static final LocalDateTime DUE = LocalDateTime.of(2026, 3, 5, 17, 30);

    @ParameterizedTest
    @EnumSource(DossierStatus.class)
    void overdueOnlyWhileTheOfficeStillOwesTheResult(DossierStatus status) {
        boolean owed = status != DossierStatus.DONE && !status.isTerminal();
        assertEquals(owed, Deadlines.isOverdue(DUE, DUE.plusMinutes(1), status));
        assertFalse(Deadlines.isOverdue(DUE, DUE, status), "at the due instant it is not late yet");
        assertFalse(Deadlines.isOverdue(DUE, DUE.minusDays(1), status));
    }

    @Test
    void dueSoonWindow() {
        Duration day = Duration.ofDays(1);
        assertTrue(Deadlines.isDueSoon(DUE, DUE.minusHours(3), DossierStatus.PROCESSING, day));
        assertTrue(Deadlines.isDueSoon(DUE, DUE, DossierStatus.PROCESSING, day));
        assertTrue(Deadlines.isDueSoon(DUE, DUE.minusDays(1), DossierStatus.PROCESSING, day));
        assertFalse(Deadlines.isDueSoon(DUE, DUE.minusDays(1).minusMinutes(1), DossierStatus.PROCESSING, day));
        assertFalse(Deadlines.isDueSoon(DUE, DUE.plusMinutes(1), DossierStatus.PROCESSING, day), "overdue, not due soon");
        assertFalse(Deadlines.isDueSoon(DUE, DUE.minusHours(3), DossierStatus.DONE, day));
        assertFalse(Deadlines.isDueSoon(DUE, DUE.minusHours(3), DossierStatus.RETURNED, day));
        assertThrows(IllegalArgumentException.class,
                () -> Deadlines.isDueSoon(DUE, DUE, DossierStatus.NEW, Duration.ofHours(-1)));
    }

    @Test
    void timeliness() {
        assertEquals(Timeliness.EARLY, Deadlines.timeliness(DUE.minusDays(1), DUE));
        assertEquals(Timeliness.ON_TIME, Deadlines.timeliness(DUE.withHour(8), DUE));
        assertEquals(Timeliness.ON_TIME, Deadlines.timeliness(DUE, DUE));
        assertEquals(Timeliness.LATE, Deadlines.timeliness(DUE.plusSeconds(1), DUE));
        Locale vi = Locale.forLanguageTag("vi-VN");
        assertEquals("Trước hạn", Timeliness.EARLY.displayName(vi));
        assertEquals("Đúng hạn", Timeliness.ON_TIME.displayName(vi));
        assertEquals("Trễ hạn", Timeliness.LATE.displayName(vi));
    }
}
