package org.motcua.sync.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.motcua.protocol.codec.ContentDigest;
import org.motcua.protocol.codec.Sha256;
import org.motcua.protocol.json.JsonRejected;
import org.motcua.protocol.json.StrictJson;
import org.motcua.sync.SyncProblem;
import org.motcua.sync.SyncStatus;

/**
 * Blobs before batches (§8.2 step 2, §6.7): asks which of a batch's blobs the unit lacks, then uploads each in chunks
 * with {@code Upload-Offset}, {@code Upload-Length} and an RFC 9530 {@code Content-Digest}. Every upload starts with a
 * {@code HEAD} for the offset the server has durably stored, so a cut costs at most one chunk. The chunk size starts
 * at {@code recommendedChunkBytes}, doubles after each stored chunk and halves after a failure, within the limits.
 * Blob files live in the desk's blob directory, named by their SHA-256.
 */
public final class BlobUploader {

    private static final long MIN_CHUNK = 1024;
    private final SyncContext ctx;
    private long chunk;

    public BlobUploader(SyncContext ctx) {
        this.ctx = ctx;
        this.chunk = ctx.limits().recommendedChunkBytes();
    }

    /** Makes sure the server holds every blob of {@code hashes} for the unit. */
    public void ensurePresent(Collection<String> hashes) throws IOException, CycleFailure {
        List<String> unknown = hashes.stream().distinct().filter(h -> !ctx.ledger.blobConfirmed(h)).toList();
        int max = ctx.limits().maxMissingQueryHashes();
        for (int from = 0; from < unknown.size(); from += max) {
            List<String> part = unknown.subList(from, Math.min(unknown.size(), from + max));
            Set<String> missing = missing(part);
            List<String> present = new ArrayList<>(part);
            present.removeAll(missing);
            ctx.ledger.confirmBlobs(present);
            for (String h : missing) {
                upload(h);
            }
        }
    }

    /** The hashes of {@code query} the server lacks ({@code POST blobs/missing}). */
    private Set<String> missing(List<String> query) throws IOException, CycleFailure {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        query.forEach(body.putArray("hashes")::add);
        Http.Response r = ctx.bearer("POST", ctx.devicePath() + "/blobs/missing", SyncContext.canonical(body), "application/json");
        if (r.status() != 200) {
            throw Reactions.of(ServerProblem.of(r));
        }
        try {
            JsonNode n = StrictJson.parse(r.body());
            Set<String> missing = new HashSet<>();
            n.path("missing").forEach(h -> missing.add(h.asText()));
            missing.retainAll(query);
            return missing;
        } catch (JsonRejected e) {
            throw CycleFailure.of(SyncProblem.BAD_RESPONSE, "blobs/missing answer unreadable");
        }
    }

    /** Uploads one blob, resuming from the offset the server reports. */
    public void upload(String sha256) throws IOException, CycleFailure {
        byte[] blob = read(sha256);
        String path = ctx.devicePath() + "/blobs/" + sha256;
        long offset = head(path);
        if (offset < 0) {
            ctx.ledger.confirmBlobs(List.of(sha256));
            return;
        }
        long max = ctx.limits().maxChunkBytes();
        while (true) {
            int n = (int) Math.min(Math.min(chunk, max), blob.length - offset);
            byte[] part = Arrays.copyOfRange(blob, (int) offset, (int) offset + n);
            Map<String, String> h = new LinkedHashMap<>();
            h.put("Upload-Offset", Long.toString(offset));
            h.put("Upload-Length", Long.toString(blob.length));
            h.put(ContentDigest.HEADER, ContentDigest.of(part));
            ctx.progress.uploading(SyncStatus.Attempt.Kind.BLOB, offset, blob.length);
            Http.Response r;
            try {
                r = ctx.bearer("PATCH", path, h, part, "application/offset+octet-stream");
            } catch (IOException e) {
                chunk = Math.max(MIN_CHUNK, chunk / 2);
                throw e;
            }
            Optional<Long> stored = number(r.header("Upload-Offset"));
            if (r.status() == 200) {
                ctx.ledger.confirmBlobs(List.of(sha256));
                return;
            } else if (r.status() == 204 && stored.isPresent()) {
                offset = stored.get();
                chunk = Math.min(max, chunk * 2);
            } else if (r.status() == 409 && stored.isPresent()) {
                offset = stored.get();  // upload-offset-mismatch: continue where the server is
            } else if (r.status() == 422 && ServerProblem.of(r).name().equals("chunk-digest-mismatch")) {
                chunk = Math.max(MIN_CHUNK, chunk / 2);  // damaged on the way: send it again, smaller
            } else if (r.status() == 422 && ServerProblem.of(r).name().equals("blob-hash-mismatch")) {
                throw new CycleFailure(SyncProblem.CLIENT_DEFECT, "attachment " + sha256 + " does not match its name",
                        Optional.empty(), false);
            } else {
                throw Reactions.of(ServerProblem.of(r));
            }
            if (offset >= blob.length) {
                return;
            }
        }
    }

    /** The stored offset, or -1 when the blob is already complete. */
    private long head(String path) throws IOException, CycleFailure {
        Http.Response r = ctx.bearer("HEAD", path, null, null);
        if (r.status() != 200) {
            throw Reactions.of(new ServerProblem(r.status(), "http-" + r.status(), Optional.empty(), Optional.empty()));
        }
        if ("?1".equals(r.header("Upload-Complete"))) {
            return -1;
        }
        return number(r.header("Upload-Offset")).orElse(0L);
    }

    private byte[] read(String sha256) throws CycleFailure {
        Path file = ctx.blobDirectory.resolve(sha256);
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (!Sha256.hex(bytes).equals(sha256)) {
                throw new CycleFailure(SyncProblem.CLIENT_DEFECT, "attachment file " + file + " is damaged", Optional.empty(), false);
            }
            return bytes;
        } catch (IOException e) {
            throw new CycleFailure(SyncProblem.CLIENT_DEFECT, "attachment file " + file + " cannot be read", Optional.empty(), false);
        }
    }

    private static Optional<Long> number(String header) {
        return header != null && header.trim().matches("\\d{1,18}") ? Optional.of(Long.parseLong(header.trim())) : Optional.empty();
    }
}
