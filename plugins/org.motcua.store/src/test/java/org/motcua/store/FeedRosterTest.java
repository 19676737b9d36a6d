package org.motcua.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.protocol.codec.Sha256;
import org.motcua.protocol.feed.RosterData;
import org.motcua.protocol.json.CanonicalJson;
import org.motcua.store.sync.FeedRoster;
import org.motcua.store.sync.FeedStore;

/** The roster the feed brought (§5.6) is the desk's unit's, the latest version, read as it was stored. */
class FeedRosterTest {

    @TempDir
    Path dir;

    @Test
    void theLatestRosterOfThisUnitIsShownAndAnotherUnitsIsNot() {
        try (Store store = StoreFixture.newStore(dir, "desk", 1)) {
            FeedRoster roster = new FeedRoster(store);
            assertEquals(Optional.empty(), roster.current());
            FeedStore feed = new FeedStore(store);
            UUID feedId = UUID.randomUUID();
            RosterData first = new RosterData(StoreFixture.UNIT, List.of(
                    new RosterData.Officer("lan.nguyen", "Nguyễn Thị Lan", List.of("commune-officer"), true)));
            RosterData other = new RosterData("000.00.02.H99", List.of(
                    new RosterData.Officer("khac.xa", "Lê Văn Khác", List.of("commune-officer"), true)));
            feed.apply(List.of(item(first, 1), item(other, 1)), new FeedStore.Cursor(feedId, 2, Optional.empty()));
            assertEquals(first, roster.current().orElseThrow().roster());

            RosterData second = new RosterData(StoreFixture.UNIT, List.of(
                    new RosterData.Officer("lan.nguyen", "Nguyễn Thị Lan", List.of("commune-officer"), false)));
            feed.apply(List.of(item(second, 2)), new FeedStore.Cursor(feedId, 3, Optional.empty()));
            assertEquals(second, roster.current().orElseThrow().roster());
            assertEquals(2, roster.current().orElseThrow().version());
        }
    }

    private static FeedStore.Item item(RosterData r, long version) {
        byte[] bytes = CanonicalJson.write(r.toJson());
        return new FeedStore.Item(RosterData.ITEM_TYPE, r.unitCode(), version, Sha256.hex(bytes), bytes);
    }
}
