package org.motcua.sync.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
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
 * {@code HEAD} for the offset the server has durably stored, so a cut costs at most one chunk and a chunk the server
 * stored is never sent again, even when the drop took its answer. {@link ChunkPlanner} sizes the chunks to the link.
 * A cut after the upload made progress, or after the server answered its {@code HEAD} (the link works; only the chunk
 * was lost), is not a failure of the link: the back-off does not grow and the next attempt follows at once. On a link
 * that drops every 30 s a 5 MB scan takes many attempts; one lost chunk must not push the next attempt past the next
 * window (a growing back-off did, and each later window was shorter still). Three answered attempts in a row without
 * progress count as failures again, so a server that answers but never takes a chunk is not asked every 200 ms.
 * Blob bytes come from the desk's encrypted store ({@link org.motcua.store.ScannedDocuments}), named by their SHA-256.
 */
public final class BlobUploader {

    /** How soon an upload cut after it made progress goes on. */
    static final Duration RESUME_AFTER = Duration.ofMillis(200);

    private final SyncContext ctx;
    private final ChunkPlanner planner;
    /** Blobs this engine learnt the server lacks: after a cut they resume with a HEAD, without asking {@code missing}. */
    private final Set<String> knownMissing = new HashSet<>();
    /** The chunk a drop cut, until the next {@code HEAD} of its blob shows whether it had arrived. */
    private Chunk cut;
    /** Attempts in a row that got the server's answer and then lost their chunk with the link. */
    private int answeredWithoutProgress;
    static final int MAX_ANSWERED_WITHOUT_PROGRESS = 3;

    /** A chunk of a blob: where it ends. */
    private record Chunk(String sha256, long end) {
    }

    public BlobUploader(SyncContext ctx) {
        this.ctx = ctx;
        this.planner = new ChunkPlanner(ctx.limits().recommendedChunkBytes(), ctx.limits().maxChunkBytes());
    }

    /** Makes sure the server holds every blob of {@code hashes} for the unit. */
    public void ensurePresent(Collection<String> hashes) throws CycleFailure {
        List<String> unknown = hashes.stream().distinct().filter(h -> !ctx.ledger.blobConfirmed(h)).toList();
        for (String h : unknown) {
            if (knownMissing.contains(h)) {
                upload(h);
            }
        }
        List<String> ask = unknown.stream().filter(h -> !ctx.ledger.blobConfirmed(h)).toList();
        int max = ctx.limits().maxMissingQueryHashes();
        for (int from = 0; from < ask.size(); from += max) {
            List<String> part = ask.subList(from, Math.min(ask.size(), from + max));
            Set<String> missing = missing(part);
            List<String> present = new ArrayList<>(part);
            present.removeAll(missing);
            ctx.ledger.confirmBlobs(present);
            knownMissing.addAll(missing);
            for (String h : missing) {
                upload(h);
            }
        }
    }

    /** The hashes of {@code query} the server lacks ({@code POST blobs/missing}). */
    private Set<String> missing(List<String> query) throws CycleFailure {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        query.forEach(body.putArray("hashes")::add);
        Http.Response r;
        try {
            r = ctx.bearer("POST", ctx.devicePath() + "/blobs/missing", SyncContext.canonical(body), "application/json");
            planner.linkInUse(linkUpSince());
        } catch (IOException e) {
            throw dropped(e, false);
        }
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
    public void upload(String sha256) throws CycleFailure {
        byte[] blob = read(sha256);
        String path = ctx.devicePath() + "/blobs/" + sha256;
        boolean progressed = false;
        boolean answered = false;
        Chunk inFlight = null;
        try {
            long offset = head(sha256, path);
            answered = true;
            if (offset < 0) {
                confirmed(sha256);
                return;
            }
            long max = ctx.limits().maxChunkBytes();
            while (true) {
                int n = (int) Math.min(Math.min(planner.next(System.nanoTime()), max), blob.length - offset);
                byte[] part = Arrays.copyOfRange(blob, (int) offset, (int) offset + n);
                Map<String, String> h = new LinkedHashMap<>();
                h.put("Upload-Offset", Long.toString(offset));
                h.put("Upload-Length", Long.toString(blob.length));
                h.put(ContentDigest.HEADER, ContentDigest.of(part));
                ctx.progress.uploading(SyncStatus.Attempt.Kind.BLOB, offset, blob.length);
                long started = System.nanoTime();
                inFlight = new Chunk(sha256, offset + n);
                Http.Response r = ctx.bearer("PATCH", path, h, part, "application/offset+octet-stream");
                inFlight = null;
                Optional<Long> stored = number(r.header("Upload-Offset"));
                if (r.status() == 200) {
                    confirmed(sha256);
                    return;
                } else if (r.status() == 204 && stored.isPresent()) {
                    planner.stored(stored.get() - offset, System.nanoTime() - started, System.nanoTime());
                    progressed |= stored.get() > offset;
                    answeredWithoutProgress = 0;
                    offset = stored.get();
                } else if (r.status() == 409 && stored.isPresent()) {
                    offset = stored.get();  // upload-offset-mismatch: continue where the server is
                } else if (r.status() == 422 && ServerProblem.of(r).name().equals("chunk-digest-mismatch")) {
                    planner.refused();  // damaged on the way and refused: send it again, smaller
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
        } catch (IOException e) {
            cut = inFlight;
            answeredWithoutProgress = progressed ? 0 : answered ? answeredWithoutProgress + 1 : answeredWithoutProgress;
            throw dropped(e, progressed || (answered && answeredWithoutProgress <= MAX_ANSWERED_WITHOUT_PROGRESS));
        }
    }

    /** When the link came back, as the HTTP layer saw it: the first request after the last drop, whichever it was. */
    private long linkUpSince() throws CycleFailure {
        long since = ctx.http().linkUpSinceNanos();
        return since < 0 ? System.nanoTime() : since;
    }

    private void confirmed(String sha256) {
        ctx.ledger.confirmBlobs(List.of(sha256));
        knownMissing.remove(sha256);
    }

    /**
     * The link dropped. After progress (or an answer: see the class) the next attempt follows at once and nothing counts
     * as a failure; otherwise it is an ordinary lost link (back-off grows).
     */
    private CycleFailure dropped(IOException e, boolean progressed) {
        planner.dropped(System.nanoTime());
        CycleFailure io = CycleFailure.io(e);
        if (!progressed || io.problem() != SyncProblem.OFFLINE) {
            return io;
        }
        return CycleFailure.droppedAfterProgress(io.detail() + " (upload resumes)", RESUME_AFTER);
    }

    /** The stored offset, or -1 when the blob is already complete. */
    private long head(String sha256, String path) throws IOException, CycleFailure {
        long started = System.nanoTime();
        Http.Response r = ctx.bearer("HEAD", path, null, null);
        planner.roundTrip(System.nanoTime() - started);
        planner.linkInUse(linkUpSince());
        if (r.status() != 200) {
            throw Reactions.of(new ServerProblem(r.status(), "http-" + r.status(), Optional.empty(), Optional.empty()));
        }
        boolean complete = "?1".equals(r.header("Upload-Complete"));
        long offset = number(r.header("Upload-Offset")).orElse(0L);
        if (cut != null && cut.sha256().equals(sha256)) {
            planner.cutChunk(complete || offset >= cut.end());
            cut = null;
        }
        return complete ? -1 : offset;
    }

    private byte[] read(String sha256) throws CycleFailure {
        byte[] bytes = ctx.scans.bytes(sha256).orElseThrow(() -> new CycleFailure(SyncProblem.CLIENT_DEFECT,
                "attachment " + sha256 + " is not in the store", Optional.empty(), false));
        if (!Sha256.hex(bytes).equals(sha256)) {
            throw new CycleFailure(SyncProblem.CLIENT_DEFECT, "attachment " + sha256 + " is damaged", Optional.empty(), false);
        }
        return bytes;
    }

    private static Optional<Long> number(String header) {
        return header != null && header.trim().matches("\\d{1,18}") ? Optional.of(Long.parseLong(header.trim())) : Optional.empty();
    }
}
