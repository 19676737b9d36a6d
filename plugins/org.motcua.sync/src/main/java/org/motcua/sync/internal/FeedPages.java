package org.motcua.sync.internal;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.motcua.protocol.Protocol;
import org.motcua.protocol.codec.B64u;
import org.motcua.protocol.codec.Sha256;
import org.motcua.protocol.doc.Updates;
import org.motcua.protocol.json.CanonicalJson;
import org.motcua.store.sync.FeedStore;

/**
 * The down-sync feed (§6.8, §10): pages are fetched, verified and applied to the stored versions with their
 * cursor in one local transaction. A page is refused whole when its signature, kind, device, nonce or cursor does not
 * match the request, or its item seqs do not rise above {@code after}; an item of a lower version than stored is
 * skipped and logged (a rollback attempt); the same version with other data discards the page and alerts. The store
 * applies procedure and calendar items to the desk's catalogue and calendar in the same transaction
 * ({@link FeedStore#apply}); a USB reply's updates come through {@link #apply} too, so both ways apply alike.
 */
public final class FeedPages {

    private static final System.Logger LOG = System.getLogger(FeedPages.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What became of one page. */
    public record Outcome(boolean applied, int itemsApplied, int itemsSkipped, int rollbacksSkipped, boolean hasMore,
            Optional<String> discardedBecause) {
    }

    private final SyncContext ctx;

    public FeedPages(SyncContext ctx) {
        this.ctx = ctx;
    }

    /** Pulls pages from the stored cursor while the server says there are more; returns the last page's outcome. */
    public Outcome pull() throws IOException, CycleFailure {
        Outcome last;
        int pages = 0;
        do {
            last = pullOnePage();
            pages++;
        } while (last.applied() && last.hasMore() && pages < 1000);
        return last;
    }

    Outcome pullOnePage() throws IOException, CycleFailure {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        Optional<FeedStore.Cursor> cursor = ctx.feed.cursor();
        String path = ctx.devicePath() + "/updates?nonce=" + B64u.encode(nonce)
                + cursor.map(c -> "&feedId=" + c.feedId() + "&after=" + c.lastSeq()).orElse("");
        Http.Response r = ctx.bearerGet(path);
        if (r.status() != 200) {
            throw Reactions.of(ServerProblem.of(r));
        }
        ServerDocs.Verified<Updates> page;
        try {
            page = ServerDocs.verify(r.body(), ServerDocs.signatureHeader(r.header(Protocol.SIGNATURE_HEADER)), ctx.keyring().ca(),
                    Updates::read, Updates::serverTime);
        } catch (ServerDocs.Rejected e) {
            throw Reactions.rejected("updates page", e);
        }
        return apply(page, nonce, cursor);
    }

    /** Checks and applies a verified page fetched with {@code nonce} from {@code cursor}. */
    public Outcome apply(ServerDocs.Verified<Updates> page, byte[] nonce, Optional<FeedStore.Cursor> cursor)
            throws CycleFailure {
        Updates u = page.doc();
        ctx.sawServerTime(page.serverTime());
        if (!u.deviceId().equals(ctx.keyring().id())) {
            return discard("the page is for another device");
        }
        if (!MessageDigest.isEqual(u.nonce(), nonce)) {
            return discard("the page's nonce is not the one sent (a replay?)");
        }
        boolean matches = cursor.map(c -> c.feedId().toString().equals(u.feedId()) && c.lastSeq() == u.after()).orElse(u.after() == 0);
        if (!matches && !(u.reset() && u.after() == 0)) {
            return discard("the page does not continue the stored cursor");
        }
        return applyItems(u, u.reset() ? 0 : u.after(), cursor);
    }

    private Outcome applyItems(Updates u, long after, Optional<FeedStore.Cursor> cursor) {
        long previous = after;
        Map<String, FeedStore.StoredItem> seen = new HashMap<>();
        List<FeedStore.Item> toStore = new ArrayList<>();
        int skipped = 0;
        int rollbacks = 0;
        for (Updates.Item item : u.items()) {
            if (item.seq() <= previous) {
                return discard("item seqs must rise above " + previous + ", found " + item.seq());
            }
            previous = item.seq();
            byte[] data = CanonicalJson.write(item.data());
            String sha = Sha256.hex(data);
            String id = item.itemType() + "\u0000" + item.key();
            Optional<FeedStore.StoredItem> stored = Optional.ofNullable(seen.get(id))
                    .or(() -> ctx.feed.item(item.itemType(), item.key()));
            if (stored.isEmpty() || item.version() > stored.get().version()) {
                toStore.add(new FeedStore.Item(item.itemType(), item.key(), item.version(), sha, data));
                seen.put(id, new FeedStore.StoredItem(item.version(), sha));
            } else if (item.version() == stored.get().version()) {
                if (!stored.get().dataSha256().equals(sha)) {
                    return discard("item " + item.itemType() + "/" + item.key() + " version " + item.version()
                            + " came with other data than stored");
                }
                skipped++;
            } else {
                LOG.log(System.Logger.Level.WARNING, "feed item " + item.itemType() + "/" + item.key() + " version "
                        + item.version() + " is older than the stored " + stored.get().version() + ": skipped (rollback attempt?)");
                rollbacks++;
            }
        }
        Optional<String> expires = later(cursor.flatMap(FeedStore.Cursor::catalogueExpiresAt), u.catalogueExpiresAt());
        ctx.feed.apply(toStore, new FeedStore.Cursor(UUID.fromString(u.feedId()), u.lastSeq(), expires));
        return new Outcome(true, toStore.size(), skipped, rollbacks, u.hasMore(), Optional.empty());
    }

    private static Optional<String> later(Optional<String> stored, String received) {
        if (stored.isEmpty() || OffsetDateTime.parse(received).isAfter(OffsetDateTime.parse(stored.get()))) {
            return Optional.of(received);
        }
        return stored;
    }

    private static Outcome discard(String why) {
        LOG.log(System.Logger.Level.WARNING, "an updates page was discarded: " + why);
        return new Outcome(false, 0, 0, 0, false, Optional.of(why));
    }
}
