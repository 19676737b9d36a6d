package org.motcua.store.internal;

import java.time.LocalDateTime;
import java.time.ZoneId;
import org.motcua.protocol.codec.WireFormats;

/**
 * The desk keeps local wall-clock times ({@link LocalDateTime}); what travels carries the desk's offset. Communes are
 * all in Vietnam, so the zone is fixed: Asia/Ho_Chi_Minh (+07:00, no daylight saving).
 */
public final class DeskTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private DeskTime() {
    }

    /** RFC 3339 with the desk's offset and milliseconds, e.g. {@code 2025-05-31T08:15:30.123+07:00}. */
    public static String wire(LocalDateTime deskTime) {
        return WireFormats.time(deskTime.atZone(ZONE).toOffsetDateTime());
    }
}
