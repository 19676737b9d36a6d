package org.motcua.server.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.motcua.protocol.codec.B64u;
import org.motcua.protocol.codec.Sha256;
import org.motcua.protocol.doc.Docs;
import org.motcua.protocol.doc.Receipt;
import org.motcua.protocol.doc.UsbExport;
import org.motcua.protocol.doc.UsbReply;
import org.motcua.protocol.usb.UsbLayout;
import org.motcua.protocol.usb.UsbZipReader;
import org.motcua.server.testing.Chain;
import org.motcua.server.testing.DbSnapshot;
import org.motcua.server.testing.Http;
import org.motcua.server.testing.TestDevice;
import org.motcua.server.testing.UsbExports;
import org.motcua.server.audit.Actor;
import org.motcua.server.usb.UsbImportService;

/** §16 cases 41–42: USB import through the same pipeline as HTTP. */
public abstract class UsbCases extends ConformanceBase {

    static final UsbZipReader.Caps CAPS = new UsbZipReader.Caps(1L << 31, 1 << 22, 16_384, 1 << 20, 1 << 25, 100);

    @Test
    void case41_importingTheSameExportTwiceGivesTheSameReceipts() throws Exception {
        TestDevice d = TestDevice.enrol(server);
        Chain chain = new Chain(d.deviceId);
        var first = d.batch(chain, d.receptionWithAction(chain, BLOB_SHA256, 1));
        var second = d.batch(chain, d.receptionWithAction(chain, null, 2));
        Path file = UsbExports.write(dataDir, "motcua-up-" + d.unitCode + "-d1-20250531-aaaaaaaa.zip", UsbExports.entries(d,
                chain.epoch, 1, List.of(second, first), List.of(BLOB), Optional.empty(), Map.of()));
        Path replies1 = Files.createDirectories(dataDir.resolve("replies-1-" + d.deviceId));
        Path replies2 = Files.createDirectories(dataDir.resolve("replies-2-" + d.deviceId));

        List<UsbImportService.Imported> one = server.services.usb.importAll(Actor.cli(), List.of(file), replies1);
        assertEquals(1, one.size());
        assertTrue(one.get(0).problem().isEmpty(), () -> one.get(0).problem().get().detail());
        DbSnapshot after1 = snapshot();
        List<UsbImportService.Imported> two = server.services.usb.importAll(Actor.cli(), List.of(file), replies2);
        DbSnapshot after2 = snapshot();
        assertTrue(after1.equals(after2), "the second import changed " + after1.differences(after2));

        Map<String, byte[]> reply1 = read(one.get(0).reply().get());
        Map<String, byte[]> reply2 = read(two.get(0).reply().get());
        for (var b : List.of(first, second)) {
            assertArrayEquals(reply1.get(UsbLayout.receipt(b.batchId())), reply2.get(UsbLayout.receipt(b.batchId())));
            assertArrayEquals(reply1.get(UsbLayout.receiptSignature(b.batchId())), reply2.get(UsbLayout.receiptSignature(b.batchId())));
            Receipt r = Docs.parse(reply1.get(UsbLayout.receipt(b.batchId())), Receipt::read);
            assertTrue(r.results().stream().allMatch(x -> x.status().equals(Receipt.ACCEPTED)), r.toString());
        }
        UsbReply manifest = Docs.parse(reply1.get(UsbLayout.MANIFEST), UsbReply::read);
        org.motcua.protocol.cms.CmsVerifier.verifyServer(reply1.get(UsbLayout.MANIFEST_SIGNATURE), reply1.get(UsbLayout.MANIFEST));
        for (UsbReply.FileEntry e : manifest.files()) {
            assertEquals(e.sha256(), Sha256.hex(reply1.get(e.name())), e.name());
        }
        UsbExport export = Docs.parse(read(file).get(UsbLayout.MANIFEST), UsbExport::read);
        String state = new String(reply1.get("state.json"));
        assertTrue(state.contains("\"nonce\":\"" + B64u.encode(UsbLayout.nonceOf(export.exportId())) + "\""), state);
        assertTrue(state.contains("\"ackedSeq\":4"), state);
        // The same bytes over HTTP are an exact replay too: one pipeline.
        Http.Answer http = d.send(first);
        assertEquals(200, http.status());
        assertArrayEquals(reply1.get(UsbLayout.receipt(first.batchId())), http.body());
    }

    @Test
    void case42_pathTricksAndUnlistedEntriesAreRefusedAndStoreNothing() throws Exception {
        TestDevice d = TestDevice.enrol(server);
        Chain chain = new Chain(d.deviceId);
        var batch = d.batch(chain, d.receptionWithAction(chain, BLOB_SHA256, 1));
        Path replies = Files.createDirectories(dataDir.resolve("replies-42-" + d.deviceId));
        String stateBefore = stateWithoutVolatile(d);
        DbSnapshot before = snapshot();

        Path dotdot = UsbExports.write(dataDir, "dotdot-" + d.deviceId + ".zip", UsbExports.entries(d, chain.epoch, 1, List.of(batch),
                List.of(BLOB), Optional.empty(), Map.of("../x", new byte[] {1, 2, 3})));
        UsbImportService.Imported a = server.services.usb.importAll(Actor.cli(), List.of(dotdot), replies).get(0);
        assertEquals("usb-file-invalid", a.problem().get().name());
        assertEquals("name", a.problem().get().extensions().get("check").textValue());

        byte[] stray = "%PDF stray\n".getBytes();
        Path unlisted = UsbExports.write(dataDir, "unlisted-" + d.deviceId + ".zip", UsbExports.entries(d, chain.epoch, 1,
                List.of(batch), List.of(BLOB), Optional.empty(), Map.of(UsbLayout.blob(Sha256.hex(stray)), stray)));
        UsbImportService.Imported b = server.services.usb.importAll(Actor.cli(), List.of(unlisted), replies).get(0);
        assertEquals("usb-manifest-invalid", b.problem().get().name());
        assertEquals("entries", b.problem().get().extensions().get("check").textValue());

        DbSnapshot after = snapshot();
        assertTrue(before.equals(after), "the database changed: " + before.differences(after));
        assertEquals(stateBefore, stateWithoutVolatile(d));
        try (var files = Files.list(replies)) {
            assertEquals(0, files.count(), "no reply for a refused file");
        }
    }

    static Map<String, byte[]> read(Path zip) throws Exception {
        Map<String, byte[]> out = new java.util.LinkedHashMap<>();
        boolean reply = zip.getFileName().toString().startsWith("motcua-down");
        try (UsbZipReader r = UsbZipReader.open(zip, reply ? UsbLayout.REPLY : UsbLayout.EXPORT, CAPS)) {
            for (String name : r.names()) {
                out.put(name, r.read(name));
            }
        }
        return out;
    }
}
