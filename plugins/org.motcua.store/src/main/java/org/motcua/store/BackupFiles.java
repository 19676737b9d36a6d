package org.motcua.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.crypto.Cipher;
import javax.crypto.CipherInputStream;
import javax.crypto.CipherOutputStream;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The files the desk keeps beside its database (scanned documents, attachments: any {@link #FOLDERS} folder of the
 * data directory), copied into a backup encrypted, since on the desk they lie in clear and a USB stick gets lost.
 * Each file becomes {@code <path>.enc}: a magic, a random 12-byte IV and the AES-256-GCM ciphertext with its tag, the
 * relative path as associated data (a file cannot be swapped for another). The key is SHA-256 over a label and the
 * database key, so the backup needs no key of its own and opens with what opens the database.
 *
 * <p>Java's GCM decryption holds a file's plain bytes until the tag is checked, so a file is read whole in memory once
 * while checked or restored; scans are a few megabytes.
 */
final class BackupFiles {

    /** Folders of the data directory that a backup carries, when they exist. */
    static final List<String> FOLDERS = List.of("scans", "blobs");
    static final String SUFFIX = ".enc";
    private static final byte[] MAGIC = "MCBF1".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    BackupFiles(char[] databaseKey) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("motcua-backup-files\0".getBytes(StandardCharsets.US_ASCII));
            byte[] k = new String(databaseKey).getBytes(StandardCharsets.US_ASCII);
            sha.update(k);
            Arrays.fill(k, (byte) 0);
            this.key = new SecretKeySpec(sha.digest(), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Every regular file under the {@link #FOLDERS} of {@code dataDirectory}, as paths relative to it ('/' separated). */
    static List<String> list(Path dataDirectory) throws IOException {
        List<String> out = new ArrayList<>();
        for (String folder : FOLDERS) {
            Path root = dataDirectory.resolve(folder);
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(Files::isRegularFile).sorted()
                        .forEach(f -> out.add(dataDirectory.relativize(f).toString().replace('\\', '/')));
            }
        }
        return out;
    }

    /** Writes {@code source} encrypted to {@code target}, bound to {@code relative}. */
    void encrypt(Path source, Path target, String relative) throws IOException {
        byte[] iv = new byte[12];
        RANDOM.nextBytes(iv);
        Files.createDirectories(target.getParent());
        try (OutputStream raw = Files.newOutputStream(target)) {
            raw.write(MAGIC);
            raw.write(iv);
            try (OutputStream out = new CipherOutputStream(raw, cipher(Cipher.ENCRYPT_MODE, iv, relative));
                    InputStream in = Files.newInputStream(source)) {
                in.transferTo(out);
            }
        }
    }

    /**
     * The plain bytes of {@code encrypted}; throws {@link IOException} when the file is not one of ours, was cut or
     * changed (GCM's tag), or belongs to another path.
     */
    byte[] decrypt(Path encrypted, String relative) throws IOException {
        try (InputStream raw = Files.newInputStream(encrypted)) {
            byte[] magic = raw.readNBytes(MAGIC.length);
            byte[] iv = raw.readNBytes(12);
            if (!Arrays.equals(magic, MAGIC) || iv.length != 12) {
                throw new IOException("not an encrypted backup file: " + relative);
            }
            try (InputStream in = new CipherInputStream(raw, cipher(Cipher.DECRYPT_MODE, iv, relative))) {
                byte[] plain = in.readAllBytes();
                return plain;
            }
        } catch (IOException e) {
            throw new IOException("the backup copy of " + relative + " is damaged: " + e.getMessage(), e);
        }
    }

    private Cipher cipher(int mode, byte[] iv, String relative) throws IOException {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(mode, key, new GCMParameterSpec(128, iv));
            c.updateAAD(relative.getBytes(StandardCharsets.UTF_8));
            return c;
        } catch (GeneralSecurityException e) {
            throw new IOException("AES-GCM failed: " + e.getMessage(), e);
        }
    }
}
