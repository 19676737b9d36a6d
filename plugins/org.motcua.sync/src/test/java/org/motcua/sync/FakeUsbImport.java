package org.motcua.sync;

import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.motcua.protocol.cms.CmsVerifier;
import org.motcua.protocol.codec.Sha256;
import org.motcua.protocol.doc.CodeCounter;
import org.motcua.protocol.doc.DeviceState;
import org.motcua.protocol.doc.Docs;
import org.motcua.protocol.doc.Problem;
import org.motcua.protocol.doc.ProblemType;
import org.motcua.protocol.doc.UsbExport;
import org.motcua.protocol.doc.UsbReply;

/**
 * The admin side of a USB transfer for the tests (§11 import): checks the desk's export (device signature on the
 * manifest and each batch, blob hashes), runs every batch through the same ledger as HTTP, and writes the reply ZIP:
 * receipts, problems, a state whose nonce is the export id, all under a manifest signed with the response key.
 */
final class FakeUsbImport {

    private FakeUsbImport() {
    }

    static Path importExport(FakeProvince p, Path export, Path replyDirectory) throws Exception {
        return importExport(p, export, replyDirectory, java.util.function.UnaryOperator.identity());
    }

    /** As above, with the reply's state changed by {@code stateOnTheWay} before it is signed. */
    static Path importExport(FakeProvince p, Path export, Path replyDirectory,
            java.util.function.UnaryOperator<DeviceState> stateOnTheWay) throws Exception {
        Map<String, byte[]> in = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(export.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                in.put(e.getName(), zip.getInputStream(e).readAllBytes());
            }
        }
        byte[] manifestBytes = in.get("manifest.json");
        CmsVerifier.verifyDevice(in.get("manifest.p7s"), manifestBytes, p.deviceCert);
        UsbExport manifest = Docs.parse(manifestBytes, UsbExport::read);
        for (UsbExport.BlobEntry b : manifest.blobs()) {
            byte[] bytes = in.get("blobs/" + b.sha256());
            if (bytes != null && Sha256.hex(bytes).equals(b.sha256())) {
                p.blobs.add(b.sha256());
                p.blobSizes.put(b.sha256(), bytes.length);
            }
        }
        Map<String, byte[]> out = new LinkedHashMap<>();
        List<UsbReply.Outcome> outcomes = new ArrayList<>();
        List<UsbExport.BatchEntry> batches = new ArrayList<>(manifest.batches());
        batches.sort(Comparator.comparingLong(UsbExport.BatchEntry::fromSeq));
        for (UsbExport.BatchEntry b : batches) {
            byte[] body = in.get("batches/" + b.batchId() + ".json");
            CmsVerifier.verifyDevice(in.get("batches/" + b.batchId() + ".p7s"), body, p.deviceCert);
            Object outcome = p.ledger.accept(body, b.batchId(), p.blobs, FakeProvince.now());
            if (outcome instanceof FakeLedger.Committed c) {
                byte[] receipt = c.receipt().canonical();
                out.put("receipts/" + b.batchId() + ".json", receipt);
                out.put("receipts/" + b.batchId() + ".p7s", p.sign(receipt));
                outcomes.add(new UsbReply.Outcome(b.batchId(), 200, Optional.empty()));
            } else {
                FakeLedger.Refusal r = (FakeLedger.Refusal) outcome;
                ProblemType type = ProblemType.of(r.problem()).orElseThrow();
                out.put("problems/" + b.batchId() + ".json", Problem.of(type, r.problem(), r.problem()).bytes());
                outcomes.add(new UsbReply.Outcome(b.batchId(), r.status(), Optional.of(r.problem())));
            }
        }
        UUID exportId = UUID.fromString(manifest.exportId());
        byte[] nonce = ByteBuffer.allocate(16).putLong(exportId.getMostSignificantBits())
                .putLong(exportId.getLeastSignificantBits()).array();
        FakeLedger.Chain chain;
        synchronized (p.ledger) {
            chain = p.ledger.epochs.get(manifest.epoch());
        }
        List<CodeCounter> counters = new ArrayList<>();
        p.ledger.codeCounters.forEach((d, n) -> counters.add(new CodeCounter(d, n)));
        byte[] state = stateOnTheWay.apply(new DeviceState(chain == null ? Sha256.ZEROS : chain.ackedHash(),
                chain == null ? 0 : chain.ackedSeq(), counters, p.ledger.open().map(c -> c.epoch), p.deviceId, p.deviceNumber,
                Optional.of(manifest.epoch()), chain == null ? DeviceState.UNKNOWN : DeviceState.OPEN, Optional.empty(), nonce,
                FakeProvince.now(), FakeProvince.UNIT)).canonical();
        out.put("state.json", state);
        out.put("state.p7s", p.sign(state));
        List<UsbReply.FileEntry> files = new ArrayList<>();
        out.forEach((name, bytes) -> files.add(new UsbReply.FileEntry(name, Sha256.hex(bytes), bytes.length)));
        UUID replyId = UUID.randomUUID();
        byte[] replyManifest = new UsbReply(p.deviceId, Optional.of(manifest.exportId()), files, outcomes, replyId.toString(),
                FakeProvince.now()).canonical();
        Path reply = replyDirectory.resolve("motcua-down-" + FakeProvince.UNIT + "-d" + p.deviceNumber + "-20260310-"
                + replyId.toString().substring(0, 8) + ".zip");
        try (OutputStream os = Files.newOutputStream(reply); ZipOutputStream zip = new ZipOutputStream(os)) {
            put(zip, "manifest.json", replyManifest);
            put(zip, "manifest.p7s", p.sign(replyManifest));
            for (Map.Entry<String, byte[]> e : out.entrySet()) {
                put(zip, e.getKey(), e.getValue());
            }
        }
        return reply;
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws Exception {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }
}
