package org.motcua.server.blobs;

import java.io.IOException;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.motcua.protocol.codec.ContentDigest;
import org.motcua.protocol.codec.Sha256;
import org.motcua.protocol.doc.Limits;
import org.motcua.protocol.doc.ProblemType;
import org.motcua.server.Rejection;
import org.motcua.server.persistence.Dialect;
import org.motcua.server.persistence.ServerDatabase;
import org.motcua.server.persistence.Tx;
import org.motcua.server.registry.DeviceRecord;

/**
 * Resumable blob uploads (§6.7): HEAD for the durable offset, PATCH with one verified chunk at a time. A chunk is
 * written only when all its bytes have arrived and its {@code Content-Digest} matches, so a cut connection leaves the
 * offset where it was; the last chunk triggers the whole-blob check, which either makes the blob present for the unit
 * or discards every stored byte.
 */
public final class BlobUploads {

    public static final String MEDIA_TYPE = "application/offset+octet-stream";

    /** The headers of one PATCH, unparsed. */
    public record PatchHeaders(String contentType, String uploadOffset, String uploadLength, long contentLength,
            String contentDigest) {
    }

    /** Reads exactly {@code length} bytes of the request body, or throws when the connection ends first. */
    @FunctionalInterface
    public interface ChunkSource {
        byte[] read(int length) throws IOException;
    }

    /** What HEAD reports, and what a PATCH leaves: {@code length} -1 when none was declared yet. */
    public record Progress(long offset, long length, boolean complete) {
    }

    private final ServerDatabase db;
    private final Limits limits;
    private final Clock clock;

    public BlobUploads(ServerDatabase db, Limits limits, Clock clock) {
        this.db = db;
        this.limits = limits;
        this.clock = clock;
    }

    public Progress head(DeviceRecord device, String sha256) throws Rejection {
        Optional<BlobStore.Upload> u = Tx.plain(db, c -> BlobStore.upload(c, device.unitCode(), sha256));
        return u.map(x -> new Progress(x.complete() ? x.length() : x.offset(), x.length(), x.complete()))
                .orElse(new Progress(0, -1, false));
    }

    public Progress patch(DeviceRecord device, String sha256, PatchHeaders h, ChunkSource body) throws Rejection, IOException {
        if (h.contentType() == null || !h.contentType().split(";")[0].strip().equalsIgnoreCase(MEDIA_TYPE)) {
            throw Rejection.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
                    "A chunk is sent as " + MEDIA_TYPE + ".");
        }
        long offset = decimal(h.uploadOffset(), "Upload-Offset");
        long length = decimal(h.uploadLength(), "Upload-Length");
        byte[] digest = ContentDigest.sha256(h.contentDigest()).orElseThrow(() -> Rejection.of(ProblemType.CHUNK_DIGEST_MISSING,
                "Chunk digest missing", "Every chunk carries Content-Digest: sha-256=:<base64>: (RFC 9530)."));
        if (length > limits.maxBlobBytes()) {
            throw Rejection.of(ProblemType.BLOB_TOO_LARGE, "Blob too large", "A blob may hold at most " + limits.maxBlobBytes()
                    + " bytes.").with("limit", limits.maxBlobBytes());
        }
        if (h.contentLength() > limits.maxChunkBytes()) {
            throw Rejection.of(ProblemType.CHUNK_TOO_LARGE, "Chunk too large", "A chunk may hold at most " + limits.maxChunkBytes()
                    + " bytes.").with("limit", limits.maxChunkBytes());
        }
        if (offset + h.contentLength() > length) {
            throw badRequest("The chunk ends after Upload-Length.");
        }
        Optional<BlobStore.Upload> current = Tx.plain(db, c -> BlobStore.upload(c, device.unitCode(), sha256));
        if (current.isPresent() && current.get().complete()) {
            return new Progress(current.get().length(), current.get().length(), true);
        }
        if (current.isPresent()) {
            expect(current.get(), offset, length);
        } else if (offset != 0) {
            throw offsetMismatch(0, offset);
        }
        byte[] chunk = body.read((int) h.contentLength());
        MessageDigest sha = Sha256.newDigest();
        if (!MessageDigest.isEqual(digest, sha.digest(chunk))) {
            throw Rejection.of(ProblemType.CHUNK_DIGEST_MISMATCH, "Chunk digest mismatch",
                    "The chunk's bytes do not match its Content-Digest; it was discarded and the offset is unchanged.");
        }
        if (current.isEmpty()) {
            createQuietly(device.unitCode(), sha256, length);
        }
        Stored after = Tx.durable(db, c -> store(c, device.unitCode(), sha256, offset, length, chunk));
        if (after.hashMismatch()) {
            throw Rejection.of(ProblemType.BLOB_HASH_MISMATCH, "Blob hash mismatch",
                    "The assembled bytes do not hash to the blob's name; every stored byte was discarded, start again at 0.")
                    .header("Upload-Offset", "0");
        }
        return after.progress();
    }

    /** A PATCH's committed effect; {@code hashMismatch} when the last chunk's whole-blob check failed and was reset. */
    private record Stored(Progress progress, boolean hashMismatch) {
        static Stored of(Progress p) {
            return new Stored(p, false);
        }
    }

    private Stored store(Connection c, String unit, String sha256, long offset, long length, byte[] chunk)
            throws SQLException, Rejection {
        BlobStore.Upload u;
        try {
            u = BlobStore.lock(c, unit, sha256).orElseThrow();
        } catch (SQLException e) {
            if (Dialect.isLockTimeout(e)) {
                throw Rejection.of(ProblemType.REQUEST_IN_PROGRESS, "Upload in progress",
                        "Another PATCH of this blob is running; HEAD for the offset, then continue.").retryAfter(2);
            }
            throw e;
        }
        if (u.complete()) {
            return Stored.of(new Progress(u.length(), u.length(), true));
        }
        expect(u, offset, length);
        Instant now = clock.instant();
        BlobStore.appendChunk(c, unit, sha256, offset, chunk, now);
        long end = offset + chunk.length;
        if (end < length) {
            return Stored.of(new Progress(end, length, false));
        }
        if (BlobStore.assembledHash(c, unit, sha256).equals(sha256)) {
            BlobStore.markComplete(c, unit, sha256, now);
            return Stored.of(new Progress(length, length, true));
        }
        BlobStore.reset(c, unit, sha256, now);
        return new Stored(new Progress(0, length, false), true);
    }

    private void createQuietly(String unit, String sha256, long length) throws Rejection {
        try {
            Tx.plain(db, c -> {
                BlobStore.create(c, unit, sha256, length, clock.instant());
                return null;
            });
        } catch (Tx.DatabaseFailure e) {
            if (!Dialect.isUniqueViolation(e.sqlException())) {
                throw e; // a concurrent first chunk made the row: the locked re-check decides
            }
        }
    }

    private static void expect(BlobStore.Upload u, long offset, long length) throws Rejection {
        if (u.length() != length) {
            throw Rejection.of(ProblemType.UPLOAD_LENGTH_MISMATCH, "Upload length mismatch",
                    "This blob's upload was started with another Upload-Length.").with("expectedLength", u.length());
        }
        if (u.offset() != offset) {
            throw offsetMismatch(u.offset(), offset);
        }
    }

    private static Rejection offsetMismatch(long expected, long provided) {
        return Rejection.of(ProblemType.UPLOAD_OFFSET_MISMATCH, "Upload offset mismatch",
                "The server holds " + expected + " bytes of this blob; continue from there.").with("expectedOffset", expected)
                .with("providedOffset", provided).header("Upload-Offset", Long.toString(expected));
    }

    private static long decimal(String value, String header) throws Rejection {
        if (value == null || !value.strip().matches("\\d{1,15}")) {
            throw badRequest(header + " must be a decimal integer.");
        }
        return Long.parseLong(value.strip());
    }

    private static Rejection badRequest(String detail) {
        return Rejection.of(ProblemType.BAD_REQUEST, "Bad request", detail);
    }

    /** Deletes partial uploads untouched for {@code partialUploadTtlDays} (§6.7); returns how many. */
    public int deleteAbandoned() throws Rejection {
        Instant cutoff = clock.instant().minus(java.time.Duration.ofDays(limits.partialUploadTtlDays()));
        return Tx.durable(db, c -> BlobStore.deleteAbandoned(c, cutoff));
    }
}
