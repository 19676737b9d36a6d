package org.motcua.sync.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads a USB file (§11) only after its layout passes: names exactly from the allowed layout (ASCII, {@code /}, no
 * {@code ..}, no leading {@code /}, no backslash, no duplicates), STORED or DEFLATED entries, the file within
 * {@code maxUsbFileBytes}, each entry within a size cap and the inflate ratio cap — checked on the central directory
 * before anything is read, and again while reading, so a lying header cannot make it read more.
 */
public final class ZipLayout {

    /** Why a file was refused ({@code usb-file-invalid}). */
    public static final class Invalid extends Exception {
        public Invalid(String message) {
            super(message, null, false, false);
        }
    }

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    /** The reply layout: manifest, receipts, problems, state and updates. */
    public static final Pattern REPLY = Pattern.compile("manifest\\.(json|p7s)|receipts/" + UUID + "\\.(json|p7s)|problems/"
            + UUID + "\\.json|state\\.(json|p7s)|updates\\.(json|p7s)");
    private static final Set<String> DIRECTORIES = Set.of("batches/", "blobs/", "receipts/", "problems/");

    private ZipLayout() {
    }

    /**
     * The entries of {@code zip}, name → bytes, after every check.
     *
     * @param entryCap largest entry allowed, in bytes
     */
    public static Map<String, byte[]> read(Path zip, Pattern layout, long maxFileBytes, long entryCap, int maxRatio)
            throws Invalid, IOException {
        if (Files.size(zip) > maxFileBytes) {
            throw new Invalid("the file is larger than " + maxFileBytes + " bytes");
        }
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            Set<String> names = new HashSet<>();
            for (Enumeration<? extends ZipEntry> e = file.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                check(entry, layout, entryCap, maxRatio);
                if (!names.add(entry.getName())) {
                    throw new Invalid("duplicate entry " + entry.getName());
                }
            }
            for (Enumeration<? extends ZipEntry> e = file.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                if (entry.isDirectory()) {
                    continue;
                }
                try (InputStream in = file.getInputStream(entry)) {
                    byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, entryCap + 1));
                    if (bytes.length > entryCap || bytes.length != entry.getSize()) {
                        throw new Invalid("entry " + entry.getName() + " is not the size its header says, or too large");
                    }
                    out.put(entry.getName(), bytes);
                }
            }
        } catch (java.util.zip.ZipException e) {
            throw new Invalid("not a readable ZIP file: " + e.getMessage());
        }
        return out;
    }

    private static void check(ZipEntry entry, Pattern layout, long entryCap, int maxRatio) throws Invalid {
        String name = entry.getName();
        if (!name.chars().allMatch(c -> c >= 0x20 && c < 0x7F) || name.contains("..") || name.startsWith("/")
                || name.contains("\\")) {
            throw new Invalid("entry name not allowed: " + printable(name));
        }
        if (entry.isDirectory()) {
            if (!DIRECTORIES.contains(name)) {
                throw new Invalid("directory entry not allowed: " + name);
            }
            return;
        }
        if (!layout.matcher(name).matches()) {
            throw new Invalid("entry not in the layout: " + name);
        }
        if (entry.getMethod() != ZipEntry.STORED && entry.getMethod() != ZipEntry.DEFLATED) {
            throw new Invalid("entry " + name + " is neither stored nor deflated");
        }
        long size = entry.getSize();
        long compressed = entry.getCompressedSize();
        if (size < 0 || size > entryCap) {
            throw new Invalid("entry " + name + " is larger than " + entryCap + " bytes");
        }
        if (compressed > 0 && size / compressed > maxRatio) {
            throw new Invalid("entry " + name + " inflates more than " + maxRatio + " times");
        }
    }

    private static String printable(String name) {
        return name.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
