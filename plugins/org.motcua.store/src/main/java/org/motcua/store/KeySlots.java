package org.motcua.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The database key, wrapped once per officer (like LUKS key slots), in a small file beside the database.
 *
 * <p>The key that encrypts the H2 file is 32 random bytes made at setup and never written anywhere in
 * clear. Each slot holds it encrypted with AES-256-GCM under a key derived from one officer's password with
 * Argon2id; a recovery slot uses a long recovery code printed once at setup and kept in the commune's safe.
 * Logging in unwraps the key with the typed password and opens the database with it. Someone holding a
 * stolen laptop has the encrypted database and this file, and must guess a password through Argon2id per
 * try. Slots reveal the usernames, nothing else.
 */
public final class KeySlots {

    static final String FILE_SUFFIX = ".keys.json";
    /** The slot that holds the database key under the recovery code; no username can look like it. */
    public static final String RECOVERY_SLOT = "#recovery";
    private static final int KEY_BYTES = 32;
    private static final int MEMORY_KIB = Argon2id.MEMORY_KIB;
    private static final int ITERATIONS = Argon2id.ITERATIONS;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getEncoder();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private final Path file;

    private KeySlots(Path file) {
        this.file = file;
    }

    /** The slots file of the database at {@code baseName}. */
    public static KeySlots of(Path baseName) {
        return new KeySlots(baseName.resolveSibling(baseName.getFileName() + FILE_SUFFIX));
    }

    public Path file() {
        return file;
    }

    /** A new random database key, as the text H2 takes (hex, no spaces). */
    public static char[] newDatabaseKey() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return HexFormat.of().formatHex(key).toCharArray();
    }

    /** Adds or replaces the slot of {@code name}, holding {@code databaseKey} under {@code secret}. */
    public synchronized void put(String name, char[] secret, char[] databaseKey) {
        put(name, secret, databaseKey, Cost.CURRENT);
    }

    /** As {@link #put(String, char[], char[])} with another Argon2id cost (tests: slots written by an older desk). */
    synchronized void put(String name, char[] secret, char[] databaseKey, Cost cost) {
        try {
            ObjectNode root = read();
            byte[] salt = random(16);
            byte[] iv = random(12);
            byte[] wrapped = cipher(Cipher.ENCRYPT_MODE, cost.derive(secret, salt), iv, name)
                    .doFinal(new String(databaseKey).getBytes(StandardCharsets.US_ASCII));
            ObjectNode slot = root.putObject(name);
            slot.put("kdf", cost.text());
            slot.put("salt", B64.encodeToString(salt));
            slot.put("iv", B64.encodeToString(iv));
            slot.put("key", B64.encodeToString(wrapped));
            write(root);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    /** The database key when {@code secret} opens the slot of {@code name}; empty otherwise. */
    public synchronized Optional<char[]> unlock(String name, char[] secret) {
        ObjectNode slot = (ObjectNode) read().get(name);
        if (slot == null) {
            return Optional.empty();
        }
        Optional<Cost> cost = Cost.parse(slot.path("kdf").asText(""));
        if (cost.isEmpty()) {
            return Optional.empty();  // a cost this desk does not know, or one out of bounds: never derived
        }
        try {
            byte[] key = cipher(Cipher.DECRYPT_MODE, cost.get().derive(secret, B64D.decode(slot.get("salt").asText())),
                    B64D.decode(slot.get("iv").asText()), name).doFinal(B64D.decode(slot.get("key").asText()));
            return Optional.of(new String(key, StandardCharsets.US_ASCII).toCharArray());
        } catch (GeneralSecurityException e) {
            return Optional.empty();  // wrong secret: GCM's tag does not match
        }
    }

    public synchronized boolean remove(String name) {
        ObjectNode root = read();
        boolean removed = root.remove(name) != null;
        write(root);
        return removed;
    }

    public synchronized List<String> names() {
        List<String> names = new ArrayList<>();
        read().fieldNames().forEachRemaining(names::add);
        return names;
    }

    /**
     * The Argon2id cost a slot was written with, as its {@code kdf} text says ({@code argon2id;m=19456;t=2;p=1}). A slot
     * is opened with its own cost, so a later desk may raise the cost for new slots and still open the old ones. A cost
     * beyond these bounds is refused rather than derived: an edited file must not make a login allocate gigabytes.
     */
    record Cost(int memoryKib, int iterations, int parallelism) {

        static final Cost CURRENT = new Cost(MEMORY_KIB, ITERATIONS, Argon2id.PARALLELISM);
        private static final java.util.regex.Pattern TEXT =
                java.util.regex.Pattern.compile("argon2id;m=(\\d{1,7});t=(\\d{1,2});p=(\\d)");

        static Optional<Cost> parse(String text) {
            java.util.regex.Matcher m = TEXT.matcher(text);
            if (!m.matches()) {
                return Optional.empty();
            }
            Cost c = new Cost(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            boolean sane = c.memoryKib >= 8 * 1024 && c.memoryKib <= 1024 * 1024 && c.iterations >= 1 && c.iterations <= 10
                    && c.parallelism >= 1 && c.parallelism <= 4;
            return sane ? Optional.of(c) : Optional.empty();
        }

        String text() {
            return "argon2id;m=" + memoryKib + ";t=" + iterations + ";p=" + parallelism;
        }

        byte[] derive(char[] secret, byte[] salt) {
            return Argon2id.derive(secret, salt, memoryKib, iterations, parallelism, KEY_BYTES);
        }
    }

    private static Cipher cipher(int mode, byte[] key, byte[] iv, String name) throws GeneralSecurityException {
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
        c.updateAAD(name.getBytes(StandardCharsets.UTF_8));  // a slot cannot be moved to another name
        return c;
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    private ObjectNode read() {
        try {
            return Files.exists(file) ? (ObjectNode) JSON.readTree(file.toFile()) : JSON.createObjectNode();
        } catch (IOException | ClassCastException e) {
            throw new StoreException(StoreException.Reason.CORRUPTED, "the key slots file is damaged: " + file, e);
        }
    }

    /** Replaces the file atomically and durably, so a power cut leaves the old or the new slots, never half. */
    private void write(ObjectNode root) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.write(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root),
                    StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE,
                    StandardOpenOption.SYNC);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.OTHER, "cannot write the key slots file " + file, e);
        }
    }
}
