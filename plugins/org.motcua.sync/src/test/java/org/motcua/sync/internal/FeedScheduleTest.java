package org.motcua.sync.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.motcua.protocol.doc.FeedCursor;
import org.motcua.store.sync.FeedStore;

/** When an attempt pulls the updates feed: by the receipt's feed head when there is one, else by the old rules. */
class FeedScheduleTest {

    private static final UUID FEED = UUID.fromString("6f1c0d2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f");
    private static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");

    private final FeedSchedule schedule = new FeedSchedule();

    @Test
    void aHeadAtTheCursorMeansNothingToFetchEvenWhenForced() {
        assertFalse(schedule.due(true, 1, head(FEED, 12), cursor(FEED, 12), NOW));
        assertFalse(schedule.due(false, 3, head(FEED, 12), cursor(FEED, 20), NOW), "a cursor past the head");
    }

    @Test
    void aHeadPastTheCursorOrOfAnotherFeedIsFetched() {
        assertTrue(schedule.due(false, 1, head(FEED, 13), cursor(FEED, 12), NOW));
        assertTrue(schedule.due(false, 1, head(UUID.randomUUID(), 1), cursor(FEED, 12), NOW), "the server's feed was rebuilt");
    }

    @Test
    void aDeskThatNeverPulledFetchesOnlyWhenTheFeedHasItemsForIt() {
        assertFalse(schedule.due(false, 1, head(FEED, 0), Optional.empty(), NOW));
        assertTrue(schedule.due(false, 1, head(FEED, 1), Optional.empty(), NOW));
    }

    @Test
    void withoutAHeadTheDeskPullsWhenAskedAfterAnUploadOrWhenIdleLongEnough() {
        assertTrue(schedule.due(false, 0, Optional.empty(), cursor(FEED, 5), NOW), "nothing known yet");
        schedule.pulled(NOW);
        assertFalse(schedule.due(false, 0, Optional.empty(), cursor(FEED, 5), NOW.plusSeconds(60)));
        assertTrue(schedule.due(true, 0, Optional.empty(), cursor(FEED, 5), NOW.plusSeconds(60)), "the officer asked");
        assertTrue(schedule.due(false, 1, Optional.empty(), cursor(FEED, 5), NOW.plusSeconds(60)),
                "an upload to a server that names no head");
        assertTrue(schedule.due(false, 0, Optional.empty(), cursor(FEED, 5),
                NOW.plus(Duration.ofMinutes(FeedSchedule.IDLE_POLL_MINUTES))));
    }

    @Test
    void aReachedHeadCountsAsKnowingTheFeedForTheIdlePoll() {
        Instant later = NOW.plus(Duration.ofMinutes(FeedSchedule.IDLE_POLL_MINUTES - 1));
        schedule.pulled(NOW);
        assertFalse(schedule.due(false, 1, head(FEED, 5), cursor(FEED, 5), later));
        assertFalse(schedule.due(false, 0, Optional.empty(), cursor(FEED, 5), NOW.plus(Duration.ofMinutes(FeedSchedule.IDLE_POLL_MINUTES))),
                "the receipt a minute ago told the desk the feed's state");
    }

    @Test
    void aCatalogueNearItsExpiryIsRefreshedOnceADayThoughTheHeadStands() {
        Optional<FeedStore.Cursor> expiring = Optional.of(new FeedStore.Cursor(FEED, 5,
                Optional.of(NOW.plus(Duration.ofDays(3)).toString())));
        Optional<FeedStore.Cursor> fresh = Optional.of(new FeedStore.Cursor(FEED, 5,
                Optional.of(NOW.plus(FeedSchedule.EXPIRY_NEAR).plus(Duration.ofDays(1)).toString())));
        assertFalse(schedule.due(false, 1, head(FEED, 5), fresh, NOW));
        assertTrue(schedule.due(false, 1, head(FEED, 5), expiring, NOW), "a renewal may have come without an item");
        schedule.pulled(NOW);
        assertFalse(schedule.due(false, 1, head(FEED, 5), expiring, NOW.plus(Duration.ofHours(23))));
        assertTrue(schedule.due(false, 1, head(FEED, 5), expiring, NOW.plus(Duration.ofDays(1))));
    }

    private static Optional<FeedCursor> head(UUID feed, long lastSeq) {
        return Optional.of(new FeedCursor(feed.toString(), lastSeq));
    }

    private static Optional<FeedStore.Cursor> cursor(UUID feed, long lastSeq) {
        return Optional.of(new FeedStore.Cursor(feed, lastSeq, Optional.empty()));
    }
}
