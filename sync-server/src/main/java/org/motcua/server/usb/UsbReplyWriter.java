package org.motcua.server.usb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.motcua.protocol.codec.Sha256;
import org.motcua.protocol.codec.WireFormats;
import org.motcua.protocol.doc.DeviceState;
import org.motcua.protocol.doc.FeedCursor;
import org.motcua.protocol.doc.Problem;
import org.motcua.protocol.doc.UsbExport;
import org.motcua.protocol.doc.UsbReply;
import org.motcua.protocol.usb.UsbLayout;
import org.motcua.protocol.usb.UsbZipWriter;
import org.motcua.server.Rejection;
import org.motcua.server.ServerServices;
import org.motcua.server.persistence.Tx;
import org.motcua.server.registry.DeviceRecord;
import org.motcua.server.state.DeviceStateService;

/**
 * The reply file of §11: stored receipts (byte for byte what HTTP answers), problems for batches refused as a whole,
 * a signed {@code state} whose nonce is the export's id, {@code updates} from the export's feed cursor, and a
 * {@code usbReply} manifest signed with the response key that lists every other entry with its hash.
 */
final class UsbReplyWriter {

    /** One batch's answer: a committed receipt with its signature, or a problem. */
    record BatchAnswer(byte[] receipt, byte[] signature, Problem problem) {
        static BatchAnswer committed(byte[] receipt, byte[] signature) {
            return new BatchAnswer(receipt, signature, null);
        }

        static BatchAnswer refused(Problem problem) {
            return new BatchAnswer(null, null, problem);
        }
    }

    record Reply(Path file, List<UsbReply.Outcome> outcomes) {
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    private final ServerServices services;

    UsbReplyWriter(ServerServices services) {
        this.services = services;
    }

    Reply write(DeviceRecord device, UsbExport export, Map<String, BatchAnswer> answers, Path dir) throws IOException, Rejection {
        Instant now = services.config.clock.instant();
        String replyId = UUID.randomUUID().toString();
        byte[] nonce = UsbLayout.nonceOf(export.exportId());
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<UsbReply.Outcome> outcomes = new ArrayList<>();
        for (Map.Entry<String, BatchAnswer> e : answers.entrySet()) {
            BatchAnswer a = e.getValue();
            if (a.problem() == null) {
                files.put(UsbLayout.receipt(e.getKey()), a.receipt());
                files.put(UsbLayout.receiptSignature(e.getKey()), a.signature());
                outcomes.add(new UsbReply.Outcome(e.getKey(), 200, Optional.empty()));
            } else {
                files.put(UsbLayout.problem(e.getKey()), a.problem().bytes());
                outcomes.add(new UsbReply.Outcome(e.getKey(), a.problem().status(), Optional.of(a.problem().name())));
            }
        }
        DeviceState state = Tx.plain(services.db, c -> DeviceStateService.build(c, device, nonce, Optional.empty(), now));
        byte[] stateBytes = state.canonical();
        files.put("state.json", stateBytes);
        files.put("state.p7s", services.keys.sign(stateBytes));
        if (export.feed().isPresent()) {
            FeedCursor cursor = export.feed().get();
            byte[] updates = services.feed.page(device, nonce, cursor.feedId(), cursor.lastSeq(),
                    services.limits.maxUpdatesPageItems()).canonical();
            files.put("updates.json", updates);
            files.put("updates.p7s", services.keys.sign(updates));
        }
        List<UsbReply.FileEntry> listed = new ArrayList<>();
        files.forEach((name, bytes) -> listed.add(new UsbReply.FileEntry(name, Sha256.hex(bytes), bytes.length)));
        byte[] manifest = new UsbReply(device.deviceId(), Optional.of(export.exportId()), listed, outcomes, replyId,
                WireFormats.serverTime(now)).canonical();
        Map<String, byte[]> zip = new LinkedHashMap<>();
        zip.put(UsbLayout.MANIFEST, manifest);
        zip.put(UsbLayout.MANIFEST_SIGNATURE, services.keys.sign(manifest));
        zip.putAll(files);
        Files.createDirectories(dir);
        Path file = dir.resolve("motcua-down-" + device.unitCode() + "-d" + device.deviceNumber() + "-" + DAY.format(now) + "-"
                + replyId.substring(0, 8) + ".zip");
        UsbZipWriter.write(file, zip);
        return new Reply(file, outcomes);
    }
}
