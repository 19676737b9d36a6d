package org.motcua.sync.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.motcua.protocol.doc.FeedCursor;
import org.motcua.store.sync.FeedStore;

/**
 * When a sync attempt pulls the updates feed. Each pull costs a signed page (about 2.4 KB, mostly the certificate
 * chain) even when it is empty — on a 2 KB/s link more than the day's batches of a quiet desk. So a receipt that names
 * the feed's head as the server saw it ({@code receipt.feed}, PROTOCOL-NOTES) decides: pull when the head has moved past
 * the desk's cursor, not otherwise. Without a head (no upload in this attempt, or a server that does not name one) the
 * desk pulls when the officer asked for a sync, after an acknowledged upload, and at least every
 * {@value #IDLE_POLL_MINUTES} minutes; a head seen counts as knowing the feed's state at that moment. One thing moves
 * without a new item: the province renews {@code catalogueExpiresAt} by publishing the same catalogue again. So when
 * the stored expiry is less than {@link #EXPIRY_NEAR} away, the desk also pulls once a day, and its warning never
 * fires for a catalogue the province has renewed.
 */
final class FeedSchedule {

    static final int IDLE_POLL_MINUTES = 15;
    static final Duration EXPIRY_NEAR = Duration.ofDays(7);
    private static final Duration EXPIRY_REFRESH_EVERY = Duration.ofDays(1);

    private Instant knownAt;
    private Instant pulledAt;

    /**
     * Whether this attempt pulls the feed.
     *
     * @param forced an officer asked ("Đồng bộ ngay")
     * @param acked  batches acknowledged in this attempt
     * @param head   the feed head named by this attempt's latest receipt
     * @param cursor the desk's feed cursor
     */
    boolean due(boolean forced, int acked, Optional<FeedCursor> head, Optional<FeedStore.Cursor> cursor, Instant now) {
        if (head.isPresent()) {
            boolean reached = cursor.map(c -> head.get().reachedBy(c.feedId().toString(), c.lastSeq()))
                    .orElse(head.get().lastSeq() == 0);
            if (!reached) {
                return true;
            }
            knownAt = now;
            return expiryNear(cursor, now) && (pulledAt == null || !pulledAt.plus(EXPIRY_REFRESH_EVERY).isAfter(now));
        }
        return forced || acked > 0 || knownAt == null || !knownAt.plus(Duration.ofMinutes(IDLE_POLL_MINUTES)).isAfter(now);
    }

    /** The feed was pulled to its end at {@code now}. */
    void pulled(Instant now) {
        knownAt = now;
        pulledAt = now;
    }

    private static boolean expiryNear(Optional<FeedStore.Cursor> cursor, Instant now) {
        return cursor.flatMap(FeedStore.Cursor::catalogueExpiresAt)
                .map(t -> OffsetDateTime.parse(t).toInstant().minus(EXPIRY_NEAR).isBefore(now)).orElse(false);
    }
}
