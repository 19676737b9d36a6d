package org.motcua.protocol.usb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** §11 layout and caps, checked before anything is extracted. */
class UsbZipTest {

    static final UsbZipReader.Caps CAPS = new UsbZipReader.Caps(1 << 24, 1 << 20, 16_384, 1 << 20, 1 << 22, 100);
    static final String BATCH = "0d8f6c2e-5a4b-4c3d-9e8f-7a6b5c4d3e2f";
    static final String BLOB = "3ff86b26ed9c581f6689573a9c5296383009b8dcbf42554e851fc7de2e5b5b5f";

    @TempDir
    Path dir;

    private Path zip(Map<String, byte[]> entries) throws Exception {
        Path f = dir.resolve("f" + System.nanoTime() + ".zip");
        UsbZipWriter.write(f, entries);
        return f;
    }

    private static Map<String, byte[]> export() {
        Map<String, byte[]> e = new LinkedHashMap<>();
        e.put(UsbLayout.MANIFEST, "{}".getBytes(StandardCharsets.UTF_8));
        e.put(UsbLayout.MANIFEST_SIGNATURE, new byte[] {1, 2});
        e.put(UsbLayout.batch(BATCH), "{\"kind\":\"batch\"}".getBytes(StandardCharsets.UTF_8));
        e.put(UsbLayout.batchSignature(BATCH), new byte[] {3});
        e.put(UsbLayout.blob(BLOB), "%PDF-1.7 example scan\n".getBytes(StandardCharsets.US_ASCII));
        return e;
    }

    @Test
    void aWellFormedExportReadsBackByteForByte() throws Exception {
        Map<String, byte[]> entries = export();
        try (UsbZipReader r = UsbZipReader.open(zip(entries), UsbLayout.EXPORT, CAPS)) {
            assertEquals(entries.keySet(), r.names());
            for (var e : entries.entrySet()) {
                assertArrayEquals(e.getValue(), r.read(e.getKey()));
            }
        }
    }

    @Test
    void theSameEntriesMakeTheSameFile() throws Exception {
        assertArrayEquals(Files.readAllBytes(zip(export())), Files.readAllBytes(zip(export())));
    }

    @Test
    void namesOutsideTheLayoutAreRefused() throws Exception {
        for (String bad : Set.of("../x", "/manifest.json", "blobs\\" + BLOB, "batches/../manifest.json", "receipts/" + BATCH + ".json",
                "blobs/" + BLOB.toUpperCase(), "manifest.json ", "./manifest.json")) {
            Map<String, byte[]> e = export();
            e.put(bad, new byte[] {1});
            UsbFileInvalid x = assertThrows(UsbFileInvalid.class, () -> UsbZipReader.open(zip(e), UsbLayout.EXPORT, CAPS).close(), bad);
            assertEquals("name", x.check(), bad);
        }
    }

    @Test
    void aReplyLayoutIsNotAnExportLayout() throws Exception {
        Map<String, byte[]> reply = new LinkedHashMap<>();
        reply.put(UsbLayout.MANIFEST, new byte[] {1});
        reply.put("state.json", new byte[] {1});
        reply.put(UsbLayout.receipt(BATCH), new byte[] {1});
        Path f = zip(reply);
        UsbZipReader.open(f, UsbLayout.REPLY, CAPS).close();
        assertEquals("name", assertThrows(UsbFileInvalid.class, () -> UsbZipReader.open(f, UsbLayout.EXPORT, CAPS)).check());
    }

    @Test
    void aNameTwiceIsRefused() throws Exception {
        Map<String, byte[]> e = export();
        String twin = UsbLayout.batch(BATCH).replace(".json", ".jsoX");
        e.put(twin, new byte[] {9});
        byte[] bytes = Files.readAllBytes(zip(e));
        String text = new String(bytes, StandardCharsets.ISO_8859_1).replace(twin, UsbLayout.batch(BATCH));
        Path f = dir.resolve("twice.zip");
        Files.write(f, text.getBytes(StandardCharsets.ISO_8859_1));
        UsbFileInvalid x = assertThrows(UsbFileInvalid.class, () -> UsbZipReader.open(f, UsbLayout.EXPORT, CAPS).close());
        assertTrue(Set.of("duplicate", "zip").contains(x.check()), x.check());
    }

    @Test
    void bombsAndOversizedEntriesAreRefusedBeforeExtraction() throws Exception {
        Map<String, byte[]> bomb = export();
        bomb.put(UsbLayout.batch(BATCH), new byte[1 << 20]);
        assertEquals("ratio", assertThrows(UsbFileInvalid.class, () -> UsbZipReader.open(zip(bomb), UsbLayout.EXPORT, CAPS)).check());
        Map<String, byte[]> big = export();
        big.put(UsbLayout.blob(BLOB), new byte[(1 << 22) + 1]);
        assertEquals("entry-size", assertThrows(UsbFileInvalid.class, () -> UsbZipReader.open(zip(big), UsbLayout.EXPORT, CAPS)).check());
        Path notZip = dir.resolve("no.zip");
        Files.writeString(notZip, "hello");
        assertEquals("zip", assertThrows(UsbFileInvalid.class, () -> UsbZipReader.open(notZip, UsbLayout.EXPORT, CAPS)).check());
    }

    @Test
    void theNonceOfAReplyIsTheExportIdsSixteenBytes() {
        assertArrayEquals(new byte[] {0x0d, (byte) 0x8f, 0x6c, 0x2e, 0x5a, 0x4b, 0x4c, 0x3d, (byte) 0x9e, (byte) 0x8f, 0x7a, 0x6b, 0x5c,
                0x4d, 0x3e, 0x2f}, UsbLayout.nonceOf(BATCH));
    }
}
