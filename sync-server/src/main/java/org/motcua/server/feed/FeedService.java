package org.motcua.server.feed;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.motcua.protocol.codec.WireFormats;
import org.motcua.protocol.doc.Limits;
import org.motcua.protocol.doc.ProblemType;
import org.motcua.protocol.doc.Updates;
import org.motcua.server.Rejection;
import org.motcua.server.keys.ServerKeys;
import org.motcua.server.persistence.ServerDatabase;
import org.motcua.server.persistence.Tx;
import org.motcua.server.registry.DeviceRecord;
import org.motcua.server.sessions.SessionService;

/**
 * Signed pages of the feed (§6.8). A stale {@code feedId} (the feed was rebuilt) or a cursor past the feed's end
 * answers {@code reset: true}, {@code after: 0} and items from the beginning, like a Syncthing index-ID change.
 * {@code catalogueExpiresAt} is the latest catalogue publication's ({@link CataloguePublisher}); before the province
 * has published any, the desks run their compiled-in sample and the page announces now + {@code catalogueLifetime}, so
 * no desk warns about a catalogue nobody has sent yet.
 */
public final class FeedService {

    public static final int DEFAULT_LIMIT = 50;

    private final ServerDatabase db;
    private final ServerKeys keys;
    private final Clock clock;
    private final Limits limits;
    private final Duration catalogueLifetime;

    public FeedService(ServerDatabase db, ServerKeys keys, Clock clock, Limits limits, Duration catalogueLifetime) {
        this.db = db;
        this.keys = keys;
        this.clock = clock;
        this.limits = limits;
        this.catalogueLifetime = catalogueLifetime;
    }

    /** The {@code updates} document for a device's request; {@code feedId}/{@code after} null start from the beginning. */
    public Updates page(DeviceRecord device, byte[] nonce, String feedId, Long after, Integer limit) throws Rejection {
        int max = limit == null ? DEFAULT_LIMIT : limit;
        if (max < 1 || max > limits.maxUpdatesPageItems()) {
            throw Rejection.of(ProblemType.BAD_REQUEST, "Bad limit", "limit must be within 1.." + limits.maxUpdatesPageItems() + ".");
        }
        if ((feedId == null) != (after == null) || (after != null && after < 0)) {
            throw Rejection.of(ProblemType.BAD_REQUEST, "Bad cursor", "feedId and after go together; after is ≥ 0.");
        }
        Instant now = clock.instant();
        return Tx.plain(db, c -> {
            Feed.State state = Feed.state(c);
            boolean reset = feedId != null && (!feedId.equals(state.feedId()) || after > state.lastSeq());
            long from = reset || after == null ? 0 : after;
            List<Updates.Item> items = Feed.items(c, device.deviceId(), device.unitCode(), from, max + 1);
            boolean hasMore = items.size() > max;
            List<Updates.Item> page = hasMore ? items.subList(0, max) : items;
            long lastSeq = page.isEmpty() ? from : page.get(page.size() - 1).seq();
            Instant expires = CataloguePublisher.expiresAt(c).orElse(now.plus(catalogueLifetime));
            return new Updates(from, WireFormats.serverTime(expires), device.deviceId(), state.feedId(),
                    hasMore, page, lastSeq, nonce, reset, WireFormats.serverTime(now));
        });
    }

    public SessionService.Signed signedPage(DeviceRecord device, byte[] nonce, String feedId, Long after, Integer limit)
            throws Rejection {
        byte[] body = page(device, nonce, feedId, after, limit).canonical();
        return new SessionService.Signed(body, keys.sign(body));
    }
}
