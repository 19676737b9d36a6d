package org.motcua.server.usb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.motcua.protocol.codec.Sha256;
import org.motcua.protocol.doc.Problem;
import org.motcua.protocol.doc.ProblemType;
import org.motcua.protocol.doc.UsbExport;
import org.motcua.protocol.doc.UsbReply;
import org.motcua.protocol.usb.UsbFileInvalid;
import org.motcua.protocol.usb.UsbLayout;
import org.motcua.protocol.usb.UsbZipReader;
import org.motcua.server.Rejection;
import org.motcua.server.ServerServices;
import org.motcua.server.audit.Actor;
import org.motcua.server.audit.AuditLog;
import org.motcua.server.blobs.BlobStore;
import org.motcua.server.ingest.BatchPipeline;
import org.motcua.server.persistence.Sql;
import org.motcua.server.persistence.Tx;
import org.motcua.server.registry.DeviceRecord;
import org.motcua.server.registry.Devices;
import org.motcua.server.wire.DeviceSignatures;
import org.motcua.server.wire.RequestDocuments;

/**
 * Imports USB export files (§11): layout and caps before anything is extracted, the manifest canonical and signed by
 * the registered device, every entry listed and matching, blobs stored as present for the unit, then each batch in
 * ascending {@code fromSeq} through the very same §7 pipeline as HTTP. Importing a file again changes nothing but the
 * import log: committed batches are exact replays and yield their stored receipts.
 */
public final class UsbImportService {

    /** What became of one file: its reply file, or the problem that refused the whole file. */
    public record Imported(Path file, Optional<Path> reply, Optional<Problem> problem, List<UsbReply.Outcome> outcomes) {

        public boolean refused() {
            return problem.isPresent();
        }
    }

    private final ServerServices services;

    public UsbImportService(ServerServices services) {
        this.services = services;
    }

    /**
     * Imports {@code files}; several files of one device go in ascending {@code exportSeq}. Replies go to {@code replyDir}.
     * Each file's outcome is logged with the admin's audit entry in one transaction.
     */
    public List<Imported> importAll(Actor admin, List<Path> files, Path replyDir) throws IOException {
        List<Imported> refused = new ArrayList<>();
        List<Opened> opened = new ArrayList<>();
        for (Path f : files) {
            try {
                opened.add(open(f));
            } catch (Rejection r) {
                refused.add(log(admin, new Imported(f, Optional.empty(), Optional.of(r.problem()), List.of()), null));
            }
        }
        opened.sort(Comparator.comparing((Opened o) -> o.manifest().deviceId()).thenComparingLong(o -> o.manifest().exportSeq()));
        List<Imported> out = new ArrayList<>(refused);
        for (Opened o : opened) {
            try (UsbZipReader zip = o.zip()) {
                out.add(log(admin, process(o, replyDir), o.manifest()));
            } catch (Rejection r) {
                out.add(log(admin, new Imported(o.file(), Optional.empty(), Optional.of(r.problem()), List.of()), o.manifest()));
            }
        }
        return out;
    }

    /** A file whose layout, manifest, signature and entries passed. */
    record Opened(Path file, UsbZipReader zip, UsbExport manifest, DeviceRecord device) {
    }

    Opened open(Path file) throws IOException, Rejection {
        UsbZipReader zip;
        try {
            zip = UsbZipReader.open(file, UsbLayout.EXPORT, caps());
        } catch (UsbFileInvalid e) {
            throw fileInvalid(e);
        }
        try {
            return check(file, zip);
        } catch (Rejection | IOException | RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    private Opened check(Path file, UsbZipReader zip) throws IOException, Rejection {
        if (!zip.has(UsbLayout.MANIFEST) || !zip.has(UsbLayout.MANIFEST_SIGNATURE)) {
            throw manifestInvalid("missing", "The file has no manifest.json and manifest.p7s.");
        }
        byte[] manifestBytes = bytes(zip, UsbLayout.MANIFEST);
        UsbExport manifest;
        try {
            manifest = RequestDocuments.read(manifestBytes, UsbExport::read);
        } catch (Rejection r) {
            throw manifestInvalid("manifest", "manifest.json is not a canonical usbExport document: " + r.problem().detail());
        }
        DeviceRecord device = Tx.plain(services.db, c -> Devices.active(c, manifest.deviceId()));
        try {
            DeviceSignatures.verify(bytes(zip, UsbLayout.MANIFEST_SIGNATURE), manifestBytes, device.pinnedCertificate());
        } catch (Rejection r) {
            throw manifestInvalid("signature", "manifest.p7s is not the device's signature over manifest.json.");
        }
        Set<String> listed = new TreeSet<>(Set.of(UsbLayout.MANIFEST, UsbLayout.MANIFEST_SIGNATURE));
        for (UsbExport.BatchEntry b : manifest.batches()) {
            String json = UsbLayout.batch(b.batchId());
            listed.add(json);
            listed.add(UsbLayout.batchSignature(b.batchId()));
            if (!zip.has(json) || !zip.has(UsbLayout.batchSignature(b.batchId()))) {
                throw manifestInvalid("entries", "batch " + b.batchId() + " is listed but missing.");
            }
            byte[] body = bytes(zip, json);
            if (body.length != b.size() || !Sha256.hex(body).equals(b.bodySha256())) {
                throw manifestInvalid("entries", "batch " + b.batchId() + " does not match its size or bodySha256.");
            }
        }
        for (UsbExport.BlobEntry b : manifest.blobs()) {
            listed.add(UsbLayout.blob(b.sha256()));
            if (!zip.has(UsbLayout.blob(b.sha256()))) {
                throw manifestInvalid("entries", "blob " + b.sha256() + " is listed but missing.");
            }
        }
        for (String name : zip.names()) {
            if (!listed.contains(name)) {
                throw manifestInvalid("entries", "entry " + name + " is not listed in the manifest.");
            }
        }
        return new Opened(file, zip, manifest, device);
    }

    private Imported process(Opened o, Path replyDir) throws IOException, Rejection {
        List<String> skippedBlobs = storeBlobs(o);
        Map<String, UsbReplyWriter.BatchAnswer> answers = new LinkedHashMap<>();
        List<UsbExport.BatchEntry> batches = new ArrayList<>(o.manifest().batches());
        batches.sort(Comparator.comparingLong(UsbExport.BatchEntry::fromSeq));
        for (UsbExport.BatchEntry b : batches) {
            byte[] body = bytes(o.zip(), UsbLayout.batch(b.batchId()));
            byte[] signature = bytes(o.zip(), UsbLayout.batchSignature(b.batchId()));
            try {
                BatchPipeline.Committed committed = services.batches.process(o.device(), b.batchId(), signature, body, false);
                answers.put(b.batchId(), UsbReplyWriter.BatchAnswer.committed(committed.receipt(), committed.signature()));
            } catch (Rejection r) {
                answers.put(b.batchId(), UsbReplyWriter.BatchAnswer.refused(r.problem()));
            }
        }
        DeviceRecord device = Tx.plain(services.db, c -> Devices.active(c, o.device().deviceId()));
        UsbReplyWriter.Reply reply = new UsbReplyWriter(services).write(device, o.manifest(), answers, replyDir);
        if (!skippedBlobs.isEmpty()) {
            System.err.println("usb-import: " + skippedBlobs.size() + " blob(s) whose bytes do not match their name were skipped: "
                    + skippedBlobs);
        }
        return new Imported(o.file(), Optional.of(reply.file()), Optional.empty(), reply.outcomes());
    }

    /** §11 step 3: each blob whose bytes hash to its name becomes present for the unit; returns the mismatches. */
    private List<String> storeBlobs(Opened o) throws IOException, Rejection {
        List<String> skipped = new ArrayList<>();
        String unit = o.device().unitCode();
        for (UsbExport.BlobEntry b : o.manifest().blobs()) {
            if (!Tx.plain(services.db, c -> BlobStore.present(c, unit, List.of(b.sha256()))).isEmpty()) {
                continue;
            }
            byte[] bytes = bytes(o.zip(), UsbLayout.blob(b.sha256()));
            if (!Sha256.hex(bytes).equals(b.sha256())) {
                skipped.add(b.sha256());
                continue;
            }
            Instant now = services.config.clock.instant();
            Tx.durable(services.db, c -> {
                BlobStore.storeComplete(c, unit, b.sha256(), bytes, (int) services.limits.maxChunkBytes(), now);
                return null;
            });
        }
        return skipped;
    }

    private Imported log(Actor admin, Imported result, UsbExport manifest) {
        String outcome = result.problem().map(Problem::name).orElse("imported " + result.outcomes().size() + " batch(es)");
        try {
            String fileSha = Files.exists(result.file()) && Files.size(result.file()) < services.limits.maxUsbFileBytes()
                    ? sha256Of(result.file()) : "";
            Instant now = services.config.clock.instant();
            Tx.durable(services.db, c -> {
                Sql.update(c, "INSERT INTO usb_imports (file_sha256, export_id, device_id, export_seq, outcome, imported_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)", fileSha, Sql.text(manifest == null ? null : manifest.exportId()),
                        Sql.text(manifest == null ? null : manifest.deviceId()),
                        Sql.bigint(manifest == null ? null : manifest.exportSeq()), outcome.length() > 200 ? outcome.substring(0, 200) : outcome, now);
                String file = String.valueOf(result.file().getFileName());
                AuditLog.record(c, admin, now, "usb.import", manifest == null ? file : manifest.deviceId(), "file=" + file
                        + (manifest == null ? "" : ", exportSeq=" + manifest.exportSeq()) + ", " + outcome);
                return null;
            });
        } catch (Rejection | IOException e) {
            System.err.println("usb-import: the import log could not be written: " + e.getMessage());
        }
        return result;
    }

    private static String sha256Of(Path file) throws IOException {
        var digest = Sha256.newDigest();
        try (var in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                digest.update(buf, 0, n);
            }
        }
        return Sha256.hexOfDigest(digest.digest());
    }

    private UsbZipReader.Caps caps() {
        var l = services.limits;
        return new UsbZipReader.Caps(l.maxUsbFileBytes(), 4 * l.maxBatchBytes(), 16_384, l.maxBatchBytes(), l.maxBlobBytes(),
                l.maxInflateRatio());
    }

    private static byte[] bytes(UsbZipReader zip, String name) throws IOException, Rejection {
        try {
            return zip.read(name);
        } catch (UsbFileInvalid e) {
            throw fileInvalid(e);
        }
    }

    static Rejection fileInvalid(UsbFileInvalid e) {
        return Rejection.of(ProblemType.USB_FILE_INVALID, "USB file invalid", "The file was refused before anything in it "
                + "was used: " + e.getMessage() + ".").with("check", e.check());
    }

    static Rejection manifestInvalid(String check, String detail) {
        return Rejection.of(ProblemType.USB_MANIFEST_INVALID, "USB manifest invalid", detail).with("check", check);
    }
}
