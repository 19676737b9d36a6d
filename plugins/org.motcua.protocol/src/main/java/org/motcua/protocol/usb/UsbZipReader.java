package org.motcua.protocol.usb;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Opens a USB file (§11) and checks, before any entry is extracted: the file size, that every name belongs to the
 * layout (so {@code ../x}, {@code /x}, backslashes and unknown names are refused), no name twice, only STORED or
 * DEFLATED, and every entry's declared sizes within its cap and the inflate ratio. Entries are then read one at a
 * time, on demand, through a stream that stops at the cap whatever the headers claimed, so neither memory nor disk
 * can be flooded.
 */
public final class UsbZipReader implements Closeable {

    /** Size caps: per entry kind (by name prefix or exact name) and the ratio of §7 step 5. */
    public record Caps(long maxFileBytes, long maxManifestBytes, long maxSignatureBytes, long maxJsonBytes, long maxBlobBytes,
            int maxInflateRatio) {

        long capOf(String name) {
            if (name.endsWith(".p7s")) {
                return maxSignatureBytes;
            }
            if (name.equals(UsbLayout.MANIFEST)) {
                return maxManifestBytes;
            }
            if (name.startsWith("blobs/")) {
                return maxBlobBytes;
            }
            return maxJsonBytes;
        }
    }

    /** Below this many bytes an entry is not held to the ratio (tiny documents compress oddly). */
    static final long RATIO_FLOOR_BYTES = 4096;

    private final ZipFile zip;
    private final Map<String, ZipEntry> entries;
    private final Caps caps;

    private UsbZipReader(ZipFile zip, Map<String, ZipEntry> entries, Caps caps) {
        this.zip = zip;
        this.entries = entries;
        this.caps = caps;
    }

    public static UsbZipReader open(Path file, UsbLayout layout, Caps caps) throws UsbFileInvalid, IOException {
        long size = Files.size(file);
        if (size > caps.maxFileBytes()) {
            throw new UsbFileInvalid("file-size", "the file holds " + size + " bytes; at most " + caps.maxFileBytes() + " are allowed");
        }
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8);
        } catch (ZipException | IllegalArgumentException e) {
            throw new UsbFileInvalid("zip", "not a readable ZIP file");
        }
        try {
            return new UsbZipReader(zip, check(zip, layout, caps), caps);
        } catch (UsbFileInvalid | RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    private static Map<String, ZipEntry> check(ZipFile zip, UsbLayout layout, Caps caps) throws UsbFileInvalid {
        Map<String, ZipEntry> out = new LinkedHashMap<>();
        Enumeration<? extends ZipEntry> all = zip.entries();
        while (all.hasMoreElements()) {
            ZipEntry e = all.nextElement();
            String name = e.getName();
            if (layout.isDirectory(name)) {
                continue;
            }
            if (!layout.allows(name)) {
                throw new UsbFileInvalid("name", "entry name not allowed in this file: " + printable(name));
            }
            if (out.containsKey(name)) {
                throw new UsbFileInvalid("duplicate", "entry " + name + " appears twice");
            }
            if (e.getMethod() != ZipEntry.STORED && e.getMethod() != ZipEntry.DEFLATED) {
                throw new UsbFileInvalid("method", "entry " + name + " is neither STORED nor DEFLATED");
            }
            long cap = caps.capOf(name);
            if (e.getSize() > cap) {
                throw new UsbFileInvalid("entry-size", "entry " + name + " declares " + e.getSize() + " bytes; at most " + cap);
            }
            if (e.getMethod() == ZipEntry.DEFLATED && e.getSize() > RATIO_FLOOR_BYTES && e.getCompressedSize() >= 0
                    && e.getSize() > (long) caps.maxInflateRatio() * e.getCompressedSize()) {
                throw new UsbFileInvalid("ratio", "entry " + name + " inflates more than " + caps.maxInflateRatio() + " times");
            }
            out.put(name, e);
        }
        return out;
    }

    private static String printable(String name) {
        StringBuilder b = new StringBuilder();
        for (char c : name.toCharArray()) {
            b.append(c >= 0x20 && c < 0x7F ? c : '?');
        }
        return b.length() > 80 ? b.substring(0, 80) + "…" : b.toString();
    }

    /** The file entries' names, in the ZIP's order. */
    public Set<String> names() {
        return Collections.unmodifiableSet(entries.keySet());
    }

    public boolean has(String name) {
        return entries.containsKey(name);
    }

    /** The entry's bytes, read within its cap and the ratio; a lying header or a corrupt stream is refused. */
    public byte[] read(String name) throws UsbFileInvalid, IOException {
        ZipEntry e = entries.get(name);
        if (e == null) {
            throw new IllegalArgumentException("no entry " + name);
        }
        long cap = caps.capOf(name);
        try (InputStream in = zip.getInputStream(e)) {
            byte[] bytes = in.readNBytes((int) Math.min(cap + 1, Integer.MAX_VALUE - 8));
            if (bytes.length > cap) {
                throw new UsbFileInvalid("entry-size", "entry " + name + " holds more than " + cap + " bytes");
            }
            if (e.getMethod() == ZipEntry.DEFLATED && bytes.length > RATIO_FLOOR_BYTES
                    && bytes.length > (long) caps.maxInflateRatio() * Math.max(1, e.getCompressedSize())) {
                throw new UsbFileInvalid("ratio", "entry " + name + " inflates more than " + caps.maxInflateRatio() + " times");
            }
            return bytes;
        } catch (ZipException ex) {
            throw new UsbFileInvalid("zip", "entry " + name + " is corrupt or encrypted");
        }
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
