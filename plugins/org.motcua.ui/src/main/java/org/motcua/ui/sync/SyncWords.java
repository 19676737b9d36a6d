package org.motcua.ui.sync;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.motcua.sync.RekeyResult;
import org.motcua.sync.SyncFailure;
import org.motcua.sync.SyncStatus;
import org.motcua.ui.Messages;

/**
 * The sync state in words an officer understands, never a stack trace: enrolled or not, the last successful sync,
 * what waits, the upload in progress, the next attempt, the last problem and what to do about it, and a clock that is
 * off. Headless, so the sentences are tested without a display.
 */
public final class SyncWords {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    /** Failures of a key renewal that have their own sentence ({@code rekey.failure.*}). */
    private static final Set<SyncFailure.Reason> REKEY_SENTENCES = EnumSet.of(SyncFailure.Reason.OFFLINE,
            SyncFailure.Reason.SERVER_BUSY, SyncFailure.Reason.RESPONSE_INVALID, SyncFailure.Reason.SERVER_REFUSED);

    private final Messages messages;
    private final ZoneId zone;

    public SyncWords(Messages messages, ZoneId zone) {
        this.messages = messages;
        this.zone = zone;
    }

    /** Who this desk is for the province. */
    public String identity(SyncStatus s) {
        return s.enrolled() ? messages.get("sync.enrolled", s.unitName(), s.unitCode(), s.deviceNumber())
                : messages.get("sync.notEnrolled");
    }

    public String lastSuccess(SyncStatus s) {
        return s.lastSuccess().map(t -> messages.get("sync.lastSuccess", WHEN.format(t.atZone(zone))))
                .orElse(messages.get("sync.lastSuccess.never"));
    }

    /** What the province does not have yet, and what it refused for good. */
    public String waiting(SyncStatus s) {
        String waiting = s.eventsWaiting() == 0 ? messages.get("sync.waiting.none")
                : messages.get("sync.waiting", s.eventsWaiting());
        return s.rejectedEvents() == 0 ? waiting : waiting + "\n" + messages.get("sync.rejected", s.rejectedEvents());
    }

    /** The upload in progress, e.g. "Đang gửi hồ sơ lên tỉnh: 12 KB / 48 KB"; empty when nothing is being sent. */
    public String attempt(SyncStatus s) {
        return s.attempt().map(a -> messages.get(a.kind() == SyncStatus.Attempt.Kind.BATCH ? "sync.attempt.batch"
                : "sync.attempt.blob", size(a.bytesSent()), size(a.bytesTotal()))).orElse("");
    }

    /** When the engine tries again; empty when nothing is planned or syncing is stopped. */
    public String next(SyncStatus s) {
        if (s.stopped() || !s.enrolled()) {
            return "";
        }
        return s.nextAttempt().map(t -> messages.get("sync.next", TIME.format(t.atZone(zone)))).orElse("");
    }

    /** The last problem and what happens about it; empty when the last attempt went well. */
    public String problem(SyncStatus s) {
        if (s.problem().isEmpty()) {
            return "";
        }
        List<String> lines = new ArrayList<>();
        lines.add(messages.get("sync.problem." + s.problem().get().name()));
        if (s.stopped()) {
            lines.add(messages.get("sync.stopped"));
        }
        if (!s.problemDetail().isBlank()) {
            lines.add(messages.get("sync.detail", s.problemDetail()));
        }
        return String.join("\n", lines);
    }

    /** The warning about the desk's clock, or empty when it agrees with the server's within the tolerance. */
    public String clock(SyncStatus s) {
        if (!s.clockWarning() || s.clockSkew().isEmpty()) {
            return "";
        }
        return messages.get("sync.clock", duration(s.clockSkew().get()));
    }

    /** The sentence for a database found restored from an older copy, or empty. */
    public String restored(SyncStatus s) {
        return s.restoredFromOlderCopy() ? messages.get("sync.restored") : "";
    }

    /** Why an enrolment or USB transfer failed. */
    public String failure(Throwable t) {
        Throwable cause = cause(t);
        if (cause instanceof SyncFailure f) {
            return messages.get("sync.failure." + f.reason().name());
        }
        return messages.get("sync.failure.other", String.valueOf(cause.getMessage()));
    }

    /** What a key renewal did: the new certificate's last day, and the batches waiting that were re-signed. */
    public String rekeyed(RekeyResult r) {
        String done = messages.get("rekey.done", DAY.format(r.validUntil().atZone(zone)));
        return r.batchesResigned() == 0 ? done : done + "\n" + messages.get("rekey.done.resigned", r.batchesResigned());
    }

    /**
     * Why a key renewal failed. Where the renewal has its own sentence it says what the officer most needs to know:
     * the request is kept (or forgotten) and the current key still works.
     */
    public String rekeyFailure(Throwable t) {
        if (cause(t) instanceof SyncFailure f && REKEY_SENTENCES.contains(f.reason())) {
            return messages.get("rekey.failure." + f.reason().name());
        }
        return failure(t);
    }

    private static Throwable cause(Throwable t) {
        Throwable cause = t;
        while (cause.getCause() != null && !(cause instanceof SyncFailure)) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** "3 phút", "2 giờ 5 phút", "1 ngày 3 giờ": how far the clocks are apart, whichever is ahead. */
    String duration(Duration d) {
        long minutes = Math.abs(d.toMinutes());
        long days = minutes / (24 * 60);
        long hours = minutes / 60 % 24;
        long mins = minutes % 60;
        String words = days > 0 ? messages.get("sync.duration.days", days, hours)
                : hours > 0 ? messages.get("sync.duration.hours", hours, mins) : messages.get("sync.duration.minutes", mins);
        return messages.get(d.isNegative() ? "sync.clock.behind" : "sync.clock.ahead", words);
    }

    /** A byte count as an officer reads it: "512 B", "12 KB", "1,5 MB". */
    String size(long bytes) {
        if (bytes < 1024) {
            return messages.get("sync.size.bytes", bytes);
        }
        if (bytes < 1024 * 1024) {
            return messages.get("sync.size.kb", bytes / 1024);
        }
        return messages.get("sync.size.mb", bytes / (1024.0 * 1024.0));
    }

    /** The zone the desk shows times in. */
    public ZoneId zone() {
        return zone;
    }
}
