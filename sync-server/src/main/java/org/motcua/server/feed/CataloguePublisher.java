package org.motcua.server.feed;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.motcua.protocol.codec.Sha256;
import org.motcua.protocol.feed.ProcedureData;
import org.motcua.protocol.json.CanonicalJson;
import org.motcua.protocol.json.SchemaInvalid;
import org.motcua.server.Rejection;
import org.motcua.server.audit.Actor;
import org.motcua.server.audit.AuditLog;
import org.motcua.server.persistence.ServerDatabase;
import org.motcua.server.persistence.Sql;
import org.motcua.server.persistence.Tx;

/**
 * Publishes a procedure catalogue file (the shape of the client's sample, {@link CatalogueFile}) to every device of
 * the province as {@code procedure} items (§5.6), in one transaction: all or nothing.
 *
 * <ul>
 * <li>A procedure new or changed since the current item gets the next version, max(previous + 1, publication ms).
 * One publication therefore usually gives all its changed items the same version, its time in ms.</li>
 * <li>A procedure whose data is the same as the current item's (its {@code validFrom} aside: the rules have held since
 * then) gets no new version and no new seq, so republishing a file costs the devices nothing.</li>
 * <li>A procedure of the current catalogue missing from the file is published again with {@code withdrawn: true}
 * (once; a withdrawn procedure listed again comes back as a new version).</li>
 * <li>Every publication, even an unchanged one, records a new {@code catalogueExpiresAt}, publication time +
 * {@code validity}: the province confirms its catalogue is current by republishing, and a desk whose catalogue is
 * older than that shows a warning (§10).</li>
 * </ul>
 * Validity dates: {@code validFrom} is the publication date in Vietnam; the desk applies a version on arrival.
 */
public final class CataloguePublisher {

    public static final Duration DEFAULT_VALIDITY = Duration.ofDays(90);
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    /** What a publication did. */
    public record Outcome(int procedures, int published, int unchanged, int withdrawn, Instant expiresAt) {
    }

    private final ServerDatabase db;
    private final Clock clock;
    private final Actor actor;

    /** {@code actor} publishes: the admin's audit log names them beside the publication. */
    public CataloguePublisher(ServerDatabase db, Clock clock, Actor actor) {
        this.db = db;
        this.clock = clock;
        this.actor = actor;
    }

    /**
     * @throws FileRefused the file is not a publishable catalogue; nothing was stored
     */
    public Outcome publish(byte[] file, Duration validity) throws FileRefused, Rejection {
        if (validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("a catalogue is valid for at least one day");
        }
        Instant now = clock.instant();
        String today = now.atZone(VIETNAM).toLocalDate().toString();
        List<ProcedureData> procedures = CatalogueFile.read(file, today);
        Instant expiresAt = now.plus(validity);
        return Tx.durable(db, c -> {
            Map<String, ObjectNode> current = Feed.current(c, ProcedureData.ITEM_TYPE, FeedScope.province());
            Set<String> listed = new HashSet<>();
            int published = 0;
            for (ProcedureData p : procedures) {
                listed.add(p.procedureCode());
                ObjectNode before = current.get(p.procedureCode());
                if (before == null || !sameRules(before, p.toJson())) {
                    Feed.publish(c, ProcedureData.ITEM_TYPE, p.procedureCode(), FeedScope.province(), p.toJson(), now);
                    published++;
                }
            }
            int withdrawn = 0;
            for (Map.Entry<String, ObjectNode> e : current.entrySet()) {
                Optional<ProcedureData> before = read(e.getValue());
                if (!listed.contains(e.getKey()) && before.isPresent() && !before.get().withdrawn()) {
                    Feed.publish(c, ProcedureData.ITEM_TYPE, e.getKey(), FeedScope.province(),
                            before.get().asWithdrawn(today).toJson(), now);
                    withdrawn++;
                }
            }
            Sql.update(c, "INSERT INTO catalogue_publications (published_at, expires_at, procedures, published, withdrawn, "
                    + "file_sha256) VALUES (?, ?, ?, ?, ?, ?)", now, expiresAt, procedures.size(), published, withdrawn,
                    Sha256.hex(file));
            AuditLog.record(c, actor, now, "catalogue.publish", "file sha256=" + Sha256.hex(file).substring(0, 16),
                    "procedures=" + procedures.size() + ", new or changed=" + published + ", withdrawn=" + withdrawn
                    + ", expires=" + expiresAt);
            return new Outcome(procedures.size(), published, procedures.size() - published, withdrawn, expiresAt);
        });
    }

    /** The {@code catalogueExpiresAt} of the latest publication, if any was made. */
    public static Optional<Instant> expiresAt(Connection c) throws SQLException {
        return Sql.one(c, "SELECT expires_at FROM catalogue_publications ORDER BY id DESC FETCH FIRST 1 ROWS ONLY",
                rs -> Sql.instant(rs, "expires_at"));
    }

    private static boolean sameRules(ObjectNode before, ObjectNode after) {
        ObjectNode a = before.deepCopy();
        a.put("validFrom", after.path("validFrom").asText());
        return Arrays.equals(CanonicalJson.write(a), CanonicalJson.write(after));
    }

    private static Optional<ProcedureData> read(ObjectNode data) {
        try {
            return Optional.of(ProcedureData.read(data));
        } catch (SchemaInvalid e) {
            return Optional.empty();
        }
    }
}
