package org.motcua.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.motcua.core.dossier.Dossier;
import org.motcua.core.validation.ValidationException;
import org.motcua.core.validation.Violation;
import org.motcua.protocol.events.AttachmentsAdded;
import org.motcua.protocol.events.EventTypes;
import org.motcua.protocol.json.CanonicalJson;
import org.motcua.store.internal.DeskTime;
import org.motcua.store.internal.Sql;

/**
 * Scans attached to dossiers (§9), in the encrypted database (migration V17: why there and not in files). Bytes are
 * stored once per SHA-256 however often they are attached; a scan goes in the same transaction as the event that
 * references it, so an event never names a scan the desk does not hold. The sync engine reads the bytes to upload by
 * hash from here.
 */
public final class ScannedDocuments {

    /** A scan of a dossier as stored. */
    public record Attached(String sha256, ScanKind kind, long size, String document, String fileName, LocalDateTime at,
            String by, boolean atReception) {
    }

    private final Store store;

    public ScannedDocuments(Store store) {
        this.store = store;
    }

    /**
     * Attaches scans to a dossier already received, with an {@code AttachmentsAdded} event and an audit entry, in one
     * durable transaction. Scans the dossier already has are skipped; when none is new, nothing is written.
     *
     * @return the scans newly attached
     */
    public List<Attached> attach(UUID dossierId, List<ScanFile> scans, String officer, LocalDateTime now) {
        return store.write(c -> {
            Dossier d = store.dossier(dossierId)
                    .orElseThrow(() -> new ValidationException(Violation.of("scan", "scan.noDossier", dossierId.toString())));
            List<Attached> added = link(c, dossierId, scans, officer, now, false);
            if (added.isEmpty()) {
                return added;
            }
            AttachmentsAdded payload = new AttachmentsAdded(dossierId.toString(), d.code().format(), DeskTime.wire(now), officer,
                    added.stream().map(a -> new AttachmentsAdded.Attachment(a.sha256(), a.kind().mediaType(), a.size(),
                            a.document(), a.fileName())).toList());
            store.appendEvent(c, EventTypes.ATTACHMENTS_ADDED, dossierId, now, CanonicalJson.write(payload.toJson()),
                    payload.blobs());
            store.audit.append(c, now, officer, "ATTACH_SCANS", d.code().format(), "scans=" + added.size());
            return added;
        });
    }

    /**
     * Stores the bytes of {@code scans} not yet held and links the ones the dossier does not have yet, in the caller's
     * transaction (the reception's, or {@link #attach}'s).
     */
    static List<Attached> link(Connection c, UUID dossierId, List<ScanFile> scans, String by, LocalDateTime at,
            boolean atReception) throws SQLException {
        Map<String, ScanFile> distinct = new LinkedHashMap<>();
        scans.forEach(s -> distinct.putIfAbsent(s.sha256(), s));
        int position = count(c, "SELECT COALESCE(MAX(position), 0) FROM dossier_scan WHERE dossier_id = ?", dossierId);
        List<Attached> added = new ArrayList<>();
        for (ScanFile s : distinct.values()) {
            if (count(c, "SELECT COUNT(*) FROM dossier_scan WHERE dossier_id = ? AND sha256 = ?", dossierId, s.sha256()) > 0) {
                continue;
            }
            if (count(c, "SELECT COUNT(*) FROM scan_blob WHERE sha256 = ?", s.sha256()) == 0) {
                Sql.update(c, "INSERT INTO scan_blob (sha256, media_type, size_bytes, data, stored_at) VALUES (?, ?, ?, ?, ?)",
                        s.sha256(), s.kind().mediaType(), s.size(), s.bytesShared(), at);
            }
            Sql.update(c, "INSERT INTO dossier_scan (dossier_id, sha256, position, document, file_name, attached_at, attached_by, "
                    + "at_reception) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", dossierId, s.sha256(), ++position, s.document(),
                    s.fileName(), at, by, atReception);
            added.add(new Attached(s.sha256(), s.kind(), s.size(), s.document(), s.fileName(), at, by, atReception));
        }
        return added;
    }

    /** The dossier's scans in the order attached. */
    public List<Attached> of(UUID dossierId) {
        return store.read(c -> {
            List<Attached> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT s.sha256, b.media_type, b.size_bytes, s.document, s.file_name, "
                    + "s.attached_at, s.attached_by, s.at_reception FROM dossier_scan s JOIN scan_blob b ON b.sha256 = s.sha256 "
                    + "WHERE s.dossier_id = ? ORDER BY s.position")) {
                Sql.bind(ps, dossierId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Attached(rs.getString(1), ScanKind.ofMediaType(rs.getString(2)).orElseThrow(), rs.getLong(3),
                                rs.getString(4), rs.getString(5), rs.getTimestamp(6).toLocalDateTime(), rs.getString(7),
                                rs.getBoolean(8)));
                    }
                }
            }
            return out;
        });
    }

    /** The bytes stored under {@code sha256}, checked against it by the reader that sends them. */
    public Optional<byte[]> bytes(String sha256) {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT data FROM scan_blob WHERE sha256 = ?")) {
                Sql.bind(ps, sha256);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
                }
            }
        });
    }

    /** The size of the scan stored under {@code sha256}. */
    public Optional<Long> size(String sha256) {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT size_bytes FROM scan_blob WHERE sha256 = ?")) {
                Sql.bind(ps, sha256);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
                }
            }
        });
    }

    private static int count(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Sql.bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
