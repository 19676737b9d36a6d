package org.motcua.server.updates;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.motcua.protocol.codec.Sha256;
import org.motcua.protocol.feed.ProductReleaseData;
import org.motcua.server.Rejection;
import org.motcua.server.audit.Actor;
import org.motcua.server.audit.AuditLog;
import org.motcua.server.feed.Feed;
import org.motcua.server.feed.FeedScope;
import org.motcua.server.persistence.ServerDatabase;
import org.motcua.server.persistence.Sql;
import org.motcua.server.persistence.Tx;

/**
 * Publishes the desk product's releases from the build's repository folder ({@link ReleaseDirectory}): stores the files
 * not stored yet, records each release and publishes its {@code productRelease} item to every desk of the province,
 * with the audit entries, in one transaction: all platforms or none. A version not newer than the platform's current
 * release is refused unless forced (going back to an earlier release on purpose).
 */
public final class ReleasePublisher {

    /** What one platform's publication did: the release, and how many files and bytes were new or already stored. */
    public record Outcome(ProductReleaseData release, int newFiles, long newBytes, int storedFiles, long storedBytes) {
    }

    private final ServerDatabase db;
    private final Clock clock;
    private final Actor actor;

    public ReleasePublisher(ServerDatabase db, Clock clock, Actor actor) {
        this.db = db;
        this.clock = clock;
        this.actor = actor;
    }

    /** @throws ReleaseRefused the folder or a release in it cannot be published; nothing was stored */
    public List<Outcome> publish(Path dir, boolean force) throws ReleaseRefused, IOException, Rejection {
        List<ProductReleaseData> releases = ReleaseDirectory.read(dir);
        Instant now = clock.instant();
        try {
            return Tx.durable(db, c -> {
                // Publications one at a time (the feed's own lock, taken first): the newest-version check and the
                // "is this file stored yet" check then hold until the commit.
                Sql.one(c, "SELECT last_seq FROM feed_state WHERE id = 1 FOR UPDATE", rs -> rs.getLong(1));
                List<Outcome> out = new ArrayList<>();
                for (ProductReleaseData r : releases) {
                    out.add(publish(c, dir, r, force, now));
                }
                return out;
            });
        } catch (Refusal r) {
            throw r.refused;
        }
    }

    private Outcome publish(Connection c, Path dir, ProductReleaseData r, boolean force, Instant now) throws SQLException {
        Optional<String> current = Sql.one(c, "SELECT version FROM product_releases WHERE platform = ? ORDER BY feed_seq DESC "
                + "FETCH FIRST 1 ROWS ONLY", rs -> rs.getString(1), r.platform());
        if (!force && current.isPresent() && ProductReleaseData.compareVersions(r.version(), current.get()) <= 0) {
            throw new Refusal(new ReleaseRefused(r.platform() + " " + r.version() + " is not newer than the current release, "
                    + current.get() + (r.version().equals(current.get()) ? " (already published)" : "")
                    + "; --force publishes it anyway"));
        }
        int newFiles = 0;
        long newBytes = 0;
        for (ProductReleaseData.ProductFile f : r.files()) {
            if (ProductFiles.size(c, f.sha256()).isEmpty()) {
                ProductFiles.store(c, f.sha256(), bytes(dir, f), now);
                newFiles++;
                newBytes += f.size();
            }
        }
        long seq = Feed.publish(c, ProductReleaseData.ITEM_TYPE, r.platform(), FeedScope.province(), r.toJson(), now);
        // A forced republication of a listed version takes its place again as the newest.
        Sql.update(c, "DELETE FROM product_releases WHERE platform = ? AND version = ?", r.platform(), r.version());
        Sql.update(c, "INSERT INTO product_releases (platform, version, file_count, total_bytes, feed_seq, published_at, "
                + "published_by) VALUES (?, ?, ?, ?, ?, ?, ?)", r.platform(), r.version(), r.files().size(), r.totalBytes(), seq,
                now, actor.name().length() <= 100 ? actor.name() : actor.name().substring(0, 100));
        AuditLog.record(c, actor, now, "product-release.publish", r.platform(), "version=" + r.version() + ", files="
                + r.files().size() + ", new=" + newFiles + " (" + newBytes + " bytes)" + (force ? ", forced" : ""));
        return new Outcome(r, newFiles, newBytes, r.files().size() - newFiles, r.totalBytes() - newBytes);
    }

    /**
     * The file's bytes, checked again as stored: {@link ReleaseDirectory} checked the file before the transaction, and
     * what the database keeps under a hash must be exactly that hash's bytes even if the folder changed since.
     */
    private static byte[] bytes(Path dir, ProductReleaseData.ProductFile f) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(dir.resolve(f.path()));
        } catch (IOException e) {
            throw new Refusal(new ReleaseRefused(f.path() + " could not be read: " + e.getMessage()));
        }
        if (bytes.length != f.size() || !Sha256.hex(bytes).equals(f.sha256())) {
            throw new Refusal(new ReleaseRefused(f.path() + " changed while it was being published"));
        }
        return bytes;
    }

    /** Carries a refusal out of the transaction's work, which may throw only SQL and HTTP refusals; rolls it back. */
    private static final class Refusal extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient ReleaseRefused refused;

        Refusal(ReleaseRefused refused) {
            super(refused.getMessage(), null, false, false);
            this.refused = refused;
        }
    }
}
