package org.motcua.sync.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.motcua.protocol.codec.Sha256;
import org.motcua.protocol.doc.FeedCursor;
import org.motcua.protocol.doc.UsbExport;
import org.motcua.protocol.usb.UsbLayout;
import org.motcua.protocol.usb.UsbZipWriter;
import org.motcua.store.DeviceIdentity;
import org.motcua.store.sync.FrozenBatch;
import org.motcua.store.sync.OutboxEvent;
import org.motcua.sync.SyncFailure;
import org.motcua.sync.UsbResult;

/**
 * The USB export of §11: every pending event of the current epoch is frozen into batches of at most 64 KiB of gzip
 * (so the same batches stay sendable over a slow link), and every frozen unacknowledged batch goes into the file with
 * its signature, with the blobs they reference that the server has not confirmed, under a manifest signed by the device
 * key. The batches stay FROZEN (flagged exported) until a receipt comes back, by USB or over HTTP.
 */
public final class UsbExporter {

    /** §11: batches for USB stay small enough to be sent over a slow link as well. */
    static final long USB_BATCH_WIRE_BYTES = 64 * 1024;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final SyncContext ctx;

    public UsbExporter(SyncContext ctx) {
        this.ctx = ctx;
    }

    public UsbResult.Export export(Path directory) throws SyncFailure {
        DeviceKeyring keys;
        try {
            keys = ctx.keyring();
            while (BatchFreezer.freezeNext(ctx, USB_BATCH_WIRE_BYTES).isPresent()) {
                // freeze everything pending
            }
        } catch (CycleFailure e) {
            throw new SyncFailure(SyncFailure.Reason.NOT_ENROLLED, "enrol this desk before exporting");
        }
        UUID epoch = ctx.outbox.currentEpoch();
        List<FrozenBatch> batches = ctx.outbox.unacknowledged().stream().filter(b -> b.epoch().equals(epoch)).toList();
        Set<String> blobs = new TreeSet<>();
        long events = 0;
        for (FrozenBatch b : batches) {
            for (OutboxEvent e : ctx.outbox.events(b.epoch(), b.fromSeq(), b.toSeq())) {
                e.blobs().stream().filter(h -> !ctx.ledger.blobConfirmed(h)).forEach(blobs::add);
            }
            events += b.eventCount();
        }
        DeviceIdentity device = ctx.store.device();
        UUID exportId = UUID.randomUUID();
        long exportSeq = ctx.ledger.nextExportSeq();
        List<UsbExport.BatchEntry> batchEntries = new ArrayList<>();
        batches.forEach(b -> batchEntries.add(new UsbExport.BatchEntry(b.batchId().toString(), b.bodySha256(), b.fromSeq(),
                b.body().length, b.toSeq())));
        List<UsbExport.BlobEntry> blobEntries = new ArrayList<>();
        for (String h : blobs) {
            blobEntries.add(new UsbExport.BlobEntry(h, ctx.scans.size(h).orElseThrow(() ->
                    new SyncFailure(SyncFailure.Reason.IO, "attachment " + h + " is not in the store"))));
        }
        UsbExport manifest = new UsbExport(batchEntries, blobEntries, ctx.deskNowWire(), keys.id(), device.deviceNumber(),
                epoch.toString(), exportId.toString(), exportSeq,
                ctx.feed.cursor().map(c -> new FeedCursor(c.feedId().toString(), c.lastSeq())), device.unitCode());
        byte[] manifestBytes = manifest.canonical();
        String name = "motcua-up-" + device.unitCode() + "-d" + device.deviceNumber() + "-" + DAY.format(ctx.deskNow())
                + "-" + exportId.toString().substring(0, 8) + ".zip";
        Path target = directory.resolve(name);
        try {
            // the same writer as the server's replies: fixed entry times, .json deflated, the rest stored, the file
            // forced to the stick before it gets its name
            Map<String, byte[]> entries = new LinkedHashMap<>();
            entries.put(UsbLayout.MANIFEST, manifestBytes);
            entries.put(UsbLayout.MANIFEST_SIGNATURE, keys.sign(manifestBytes));
            for (FrozenBatch b : batches) {
                entries.put(UsbLayout.batch(b.batchId().toString()), b.body());
                entries.put(UsbLayout.batchSignature(b.batchId().toString()), b.signature());
            }
            for (String h : blobs) {
                byte[] bytes = ctx.scans.bytes(h).orElseThrow(() -> new IOException("attachment " + h + " is not in the store"));
                if (!Sha256.hex(bytes).equals(h)) {
                    throw new IOException("attachment " + h + " is damaged");
                }
                entries.put(UsbLayout.blob(h), bytes);
            }
            UsbZipWriter.write(target, entries);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(directory.resolve(name + ".part"));
            } catch (IOException ignored) {
                // the original failure matters
            }
            throw new SyncFailure(SyncFailure.Reason.IO, "cannot write " + target + ": " + e.getMessage(), e);
        }
        ctx.ledger.recordExport(exportId, exportSeq, name, batches.stream().map(FrozenBatch::batchId).toList());
        return new UsbResult.Export(target, batches.size(), events, blobs.size(), exportSeq);
    }
}
