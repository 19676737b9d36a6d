package org.motcua.server.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.motcua.protocol.codec.Sha256;
import org.motcua.protocol.doc.Batch;
import org.motcua.protocol.doc.FeedCursor;
import org.motcua.protocol.doc.UsbExport;
import org.motcua.protocol.usb.UsbLayout;
import org.motcua.protocol.usb.UsbZipWriter;

/** Export files (§11) as a device writes them, plus hand-made ones that break a rule. */
public final class UsbExports {

    private UsbExports() {
    }

    /** The entries of a well-formed export of {@code batches} and {@code blobs}; extra entries are added verbatim. */
    public static Map<String, byte[]> entries(TestDevice d, String epoch, long exportSeq, List<Batch> batches, List<byte[]> blobs,
            Optional<FeedCursor> feed, Map<String, byte[]> extra) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<UsbExport.BatchEntry> listed = new ArrayList<>();
        for (Batch b : batches) {
            byte[] bytes = b.canonical();
            files.put(UsbLayout.batch(b.batchId()), bytes);
            files.put(UsbLayout.batchSignature(b.batchId()), d.sign(bytes));
            listed.add(new UsbExport.BatchEntry(b.batchId(), Sha256.hex(bytes), b.fromSeq(), bytes.length, b.toSeq()));
        }
        List<UsbExport.BlobEntry> blobList = new ArrayList<>();
        for (byte[] blob : blobs) {
            files.put(UsbLayout.blob(Sha256.hex(blob)), blob);
            blobList.add(new UsbExport.BlobEntry(Sha256.hex(blob), blob.length));
        }
        byte[] manifest = new UsbExport(listed, blobList, TestDevice.CREATED_AT, d.deviceId, d.deviceNumber, epoch,
                UUID.randomUUID().toString(), exportSeq, feed, d.unitCode).canonical();
        Map<String, byte[]> zip = new LinkedHashMap<>();
        zip.put(UsbLayout.MANIFEST, manifest);
        zip.put(UsbLayout.MANIFEST_SIGNATURE, d.sign(manifest));
        zip.putAll(files);
        zip.putAll(extra);
        return zip;
    }

    public static Path write(Path dir, String name, Map<String, byte[]> entries) throws IOException {
        Path file = dir.resolve(name);
        UsbZipWriter.write(file, entries);
        return file;
    }
}
