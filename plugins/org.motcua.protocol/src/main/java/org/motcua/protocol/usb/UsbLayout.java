package org.motcua.protocol.usb;

import java.nio.ByteBuffer;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.motcua.protocol.codec.WireFormats;

/**
 * The entry names a USB file may hold (§11): exactly these, ASCII, {@code /} as separator. Readers check every name
 * against its layout before extracting anything; directory entries of the listed folders are allowed and ignored.
 */
public enum UsbLayout {
    /** Device → server: {@code motcua-up-…zip}. */
    EXPORT(Pattern.compile("manifest\\.json|manifest\\.p7s|batches/" + UsbLayout.UUID_RE + "\\.(json|p7s)|blobs/[0-9a-f]{64}"),
            Set.of("batches/", "blobs/")),
    /** Server → device: {@code motcua-down-…zip}. */
    REPLY(Pattern.compile("manifest\\.json|manifest\\.p7s|receipts/" + UsbLayout.UUID_RE + "\\.(json|p7s)|problems/"
            + UsbLayout.UUID_RE + "\\.json|state\\.(json|p7s)|updates\\.(json|p7s)"), Set.of("receipts/", "problems/"));

    static final String UUID_RE = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    public static final String MANIFEST = "manifest.json";
    public static final String MANIFEST_SIGNATURE = "manifest.p7s";

    private final Pattern names;
    private final Set<String> directories;

    UsbLayout(Pattern names, Set<String> directories) {
        this.names = names;
        this.directories = directories;
    }

    /** True for a file entry this layout allows. */
    public boolean allows(String name) {
        return names.matcher(name).matches();
    }

    /** True for an allowed directory entry (ignored by readers). */
    public boolean isDirectory(String name) {
        return directories.contains(name);
    }

    public static String batch(String batchId) {
        return "batches/" + batchId + ".json";
    }

    public static String batchSignature(String batchId) {
        return "batches/" + batchId + ".p7s";
    }

    public static String blob(String sha256) {
        return "blobs/" + sha256;
    }

    public static String receipt(String batchId) {
        return "receipts/" + batchId + ".json";
    }

    public static String receiptSignature(String batchId) {
        return "receipts/" + batchId + ".p7s";
    }

    public static String problem(String batchId) {
        return "problems/" + batchId + ".json";
    }

    /**
     * The nonce of a reply's {@code state} and {@code updates} (§11): the 16 bytes of the export's id (or the reply's),
     * most significant byte first.
     */
    public static byte[] nonceOf(String uuid) {
        if (!WireFormats.isUuid(uuid)) {
            throw new IllegalArgumentException("not a uuid");
        }
        UUID u = UUID.fromString(uuid);
        return ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits()).array();
    }
}
