package org.motcua.server.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How the pages write times: Vietnamese order, in the province's time zone. */
final class Formats {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(VIETNAM);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss").withZone(VIETNAM);

    private Formats() {
    }

    static String time(Instant t) {
        return t == null ? "—" : TIME.format(t);
    }

    static String timeWithSeconds(Instant t) {
        return t == null ? "—" : SECONDS.format(t);
    }
}
