package org.motcua.protocol.usb;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a USB file (§11): the given entries in order, JSON deflated, signatures and blobs stored (they do not
 * compress), with a fixed entry time so the same content gives the same bytes. Written to a temporary file and moved
 * into place, so a reader never sees half a file.
 */
public final class UsbZipWriter {

    /** 1980-01-01, the first time a ZIP entry can carry; fixed so output depends only on content. */
    static final long ENTRY_TIME = 315_532_800_000L + 12L * 3600_000L;

    private UsbZipWriter() {
    }

    public static void write(Path file, Map<String, byte[]> entries) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        try (OutputStream out = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                entry.setTime(ENTRY_TIME);
                if (e.getKey().endsWith(".json")) {
                    entry.setMethod(ZipEntry.DEFLATED);
                } else {
                    CRC32 crc = new CRC32();
                    crc.update(e.getValue());
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(e.getValue().length);
                    entry.setCompressedSize(e.getValue().length);
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
