package org.motcua.sync.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.motcua.protocol.codec.Sha256;
import org.motcua.protocol.doc.DeviceState;
import org.motcua.protocol.doc.Updates;
import org.motcua.protocol.doc.UsbReply;
import org.motcua.protocol.usb.UsbFileInvalid;
import org.motcua.protocol.usb.UsbLayout;
import org.motcua.protocol.usb.UsbZipReader;
import org.motcua.store.sync.FeedStore;
import org.motcua.store.sync.FrozenBatch;
import org.motcua.store.sync.SyncOutbox;
import org.motcua.sync.SyncFailure.Reason;
import org.motcua.sync.SyncFailure;
import org.motcua.sync.UsbResult;

/**
 * Imports the server's reply file (§11): layout and caps first, then the manifest's signature (response key, chained to
 * the pinned CA) and every file's hash, then the receipts exactly as over HTTP (§8.2 step 4), the state only when its
 * nonce is one of this desk's export ids (or the reply id), the updates only when they continue the desk's feed.
 * The reply id is recorded; importing the same reply again changes nothing.
 */
public final class UsbReplyImporter {

    private static final System.Logger LOG = System.getLogger(UsbReplyImporter.class.getName());
    private static final long ENTRY_CAP = 4L * 1024 * 1024;

    private final SyncContext ctx;

    public UsbReplyImporter(SyncContext ctx) {
        this.ctx = ctx;
    }

    public UsbResult.Import importReply(Path file) throws SyncFailure {
        DeviceKeyring keys;
        try {
            keys = ctx.keyring();
        } catch (CycleFailure e) {
            throw new SyncFailure(Reason.NOT_ENROLLED, "enrol this desk before importing replies");
        }
        Map<String, byte[]> entries;
        try {
            entries = readAll(file);
        } catch (UsbFileInvalid e) {
            throw new SyncFailure(Reason.FILE_INVALID, file.getFileName() + ": " + e.getMessage());
        } catch (IOException e) {
            throw new SyncFailure(Reason.IO, "cannot read " + file + ": " + e.getMessage(), e);
        }
        ServerDocs.Verified<UsbReply> manifest = signed(entries, "manifest", UsbReply::read, UsbReply::serverTime)
                .orElseThrow(() -> new SyncFailure(Reason.FILE_INVALID, "the reply has no signed manifest"));
        UsbReply reply = manifest.doc();
        if (!reply.deviceId().equals(keys.id())) {
            throw new SyncFailure(Reason.OTHER_DEVICE, "the reply is for device " + reply.deviceId());
        }
        UUID replyId = UUID.fromString(reply.replyId());
        if (ctx.ledger.replyImported(replyId)) {
            return new UsbResult.Import(true, 0, List.of(), false);
        }
        requireFilesAsListed(reply, entries);
        ctx.sawServerTime(manifest.serverTime());
        int acknowledged = receipts(entries);
        List<String> refused = new ArrayList<>();
        for (UsbReply.Outcome o : reply.outcomes()) {
            if (o.status() != 200) {
                refused.add(o.batchId() + " " + o.problemType().orElse("HTTP " + o.status()));
                ctx.outbox.batch(UUID.fromString(o.batchId())).filter(b -> b.state().equals(FrozenBatch.FROZEN))
                        .ifPresent(b -> ctx.outbox.recordAttempt(b.batchId(), ctx.deskNow(), o.problemType().orElse("usb")));
            }
        }
        Set<ByteBuffer> nonces = allowedNonces(replyId);
        boolean stateApplied = false;
        Optional<ServerDocs.Verified<DeviceState>> state = signed(entries, "state", DeviceState::read, DeviceState::serverTime);
        if (state.isPresent() && state.get().doc().deviceId().equals(keys.id())
                && nonces.contains(ByteBuffer.wrap(state.get().doc().nonce()))) {
            DeviceStates.apply(ctx, state.get());
            stateApplied = true;
        } else if (state.isPresent()) {
            LOG.log(System.Logger.Level.WARNING, "the reply's state does not answer one of this desk's exports: ignored");
        }
        updates(entries, nonces);
        ctx.ledger.recordReply(replyId, reply.exportId().map(UUID::fromString));
        return new UsbResult.Import(false, acknowledged, refused, stateApplied);
    }

    /** Every entry of a reply file, read with the layout and caps the server's reader uses (protocol's UsbZipReader). */
    private Map<String, byte[]> readAll(Path file) throws UsbFileInvalid, IOException {
        UsbZipReader.Caps caps = new UsbZipReader.Caps(ctx.limits().maxUsbFileBytes(), ENTRY_CAP, ENTRY_CAP, ENTRY_CAP,
                ENTRY_CAP, ctx.limits().maxInflateRatio());
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        try (UsbZipReader zip = UsbZipReader.open(file, UsbLayout.REPLY, caps)) {
            for (String name : zip.names()) {
                entries.put(name, zip.read(name));
            }
        }
        return entries;
    }

    /** Verifies {@code <name>.json} against {@code <name>.p7s}; empty when the reply has no such document. */
    private <T> Optional<ServerDocs.Verified<T>> signed(Map<String, byte[]> entries, String name,
            org.motcua.protocol.doc.Docs.Reader<T> reader, java.util.function.Function<T, String> serverTime)
            throws SyncFailure {
        byte[] json = entries.get(name + ".json");
        byte[] sig = entries.get(name + ".p7s");
        if (json == null && sig == null) {
            return Optional.empty();
        }
        if (json == null || sig == null) {
            throw new SyncFailure(Reason.FILE_INVALID, name + ".json and " + name + ".p7s come together");
        }
        try {
            return Optional.of(ServerDocs.verify(json, sig, ctx.keyring().ca(), reader, serverTime));
        } catch (ServerDocs.Rejected e) {
            throw new SyncFailure(Reason.FILE_INVALID, name + " of the reply is refused: " + e.getMessage());
        } catch (CycleFailure e) {
            throw new SyncFailure(Reason.NOT_ENROLLED, e.getMessage());
        }
    }

    /** Every listed file present with its size and hash; nothing but the manifest unlisted. */
    private static void requireFilesAsListed(UsbReply reply, Map<String, byte[]> entries) throws SyncFailure {
        Set<String> listed = new HashSet<>();
        for (UsbReply.FileEntry f : reply.files()) {
            byte[] bytes = entries.get(f.name());
            if (bytes == null || bytes.length != f.size() || !Sha256.hex(bytes).equals(f.sha256())) {
                throw new SyncFailure(Reason.FILE_INVALID, "file " + f.name() + " is missing or not as the manifest lists it");
            }
            listed.add(f.name());
        }
        for (String name : entries.keySet()) {
            if (!name.startsWith("manifest.") && !listed.contains(name)) {
                throw new SyncFailure(Reason.FILE_INVALID, "file " + name + " is not listed in the manifest");
            }
        }
    }

    /** Each receipt, checked exactly as over HTTP, acknowledges its frozen batch; returns how many were new. */
    private int receipts(Map<String, byte[]> entries) throws SyncFailure {
        int acknowledged = 0;
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            String name = e.getKey();
            if (!name.startsWith("receipts/") || !name.endsWith(".json")) {
                continue;
            }
            UUID batchId = UUID.fromString(name.substring("receipts/".length(), name.length() - ".json".length()));
            byte[] sig = entries.get("receipts/" + batchId + ".p7s");
            Optional<FrozenBatch> batch = ctx.outbox.batch(batchId);
            if (sig == null || batch.isEmpty() || !batch.get().state().equals(FrozenBatch.FROZEN)) {
                continue;  // already acknowledged, abandoned, or not ours: nothing to do
            }
            try {
                ReceiptCheck.Outcome outcome = ReceiptCheck.acknowledge(ctx, batch.get(), e.getValue(), sig);
                if (outcome.ack() == SyncOutbox.Ack.ACKED) {
                    acknowledged++;
                }
                if (outcome.serverAhead()) {
                    ctx.outbox.startNewEpoch("server-ahead");
                }
            } catch (ServerDocs.Rejected ex) {
                LOG.log(System.Logger.Level.WARNING, "receipt of batch " + batchId + " in the reply refused, nothing changed: "
                        + ex.getMessage());
            } catch (CycleFailure ex) {
                throw new SyncFailure(Reason.NOT_ENROLLED, ex.getMessage());
            }
        }
        return acknowledged;
    }

    /** The updates, only when they continue this desk's feed; items it already has are skipped. */
    private void updates(Map<String, byte[]> entries, Set<ByteBuffer> nonces) throws SyncFailure {
        Optional<ServerDocs.Verified<Updates>> page = signed(entries, "updates", Updates::read, Updates::serverTime);
        if (page.isEmpty() || !nonces.contains(ByteBuffer.wrap(page.get().doc().nonce()))) {
            return;
        }
        Updates u = page.get().doc();
        Optional<FeedStore.Cursor> cursor = ctx.feed.cursor();
        boolean continues = cursor.map(c -> c.feedId().toString().equals(u.feedId()) && u.after() <= c.lastSeq())
                .orElse(u.after() == 0);
        if (!continues) {
            LOG.log(System.Logger.Level.WARNING, "the reply's updates do not continue this desk's feed: ignored");
            return;
        }
        long from = cursor.map(FeedStore.Cursor::lastSeq).orElse(0L);
        Updates rest = new Updates(from, u.catalogueExpiresAt(), u.deviceId(), u.feedId(), u.hasMore(),
                u.items().stream().filter(i -> i.seq() > from).toList(), Math.max(from, u.lastSeq()), u.nonce(), false,
                u.serverTime());
        try {
            new FeedPages(ctx).apply(new ServerDocs.Verified<>(rest, page.get().bytes(), page.get().signature(),
                    page.get().serverTime()), u.nonce(), cursor);
        } catch (CycleFailure e) {
            throw new SyncFailure(Reason.NOT_ENROLLED, e.getMessage());
        }
    }

    /** b64u of the 16 bytes of each export id of this desk, and of the reply id (§11). */
    private Set<ByteBuffer> allowedNonces(UUID replyId) {
        Set<ByteBuffer> out = new HashSet<>();
        for (UUID id : ctx.ledger.exportIds()) {
            out.add(ByteBuffer.wrap(bytes(id)));
        }
        out.add(ByteBuffer.wrap(bytes(replyId)));
        return out;
    }

    static byte[] bytes(UUID id) {
        return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array();
    }
}
