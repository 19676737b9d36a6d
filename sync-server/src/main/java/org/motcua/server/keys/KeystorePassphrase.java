package org.motcua.server.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Map;
import org.motcua.protocol.codec.B64u;

/**
 * Where the passphrase of the server's keystore comes from: {@value #ENV} when set, else {@code <data>/keystore.passphrase},
 * made on first start with 256 random bits and owner-only permissions. Several instances sharing one PostgreSQL must
 * be given the same passphrase (the same environment variable, or a copy of the file).
 */
public final class KeystorePassphrase {

    public static final String ENV = "MOTCUA_KEYSTORE_PASSPHRASE";
    public static final String FILE_NAME = "keystore.passphrase";

    private KeystorePassphrase() {
    }

    /** The passphrase from {@code env}, or from {@code file} (created when missing). */
    public static char[] resolve(Map<String, String> env, Path file) {
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv.toCharArray();
        }
        return fromFile(file);
    }

    static char[] fromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
            if (text.isEmpty()) {
                throw new IllegalStateException(file + " is empty; restore it from a backup or set " + ENV);
            }
            return text.toCharArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the keystore passphrase file " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        byte[] text = (B64u.encode(random) + "\n").getBytes(StandardCharsets.US_ASCII);
        try {
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException e) {
            return; // another process made it first: use theirs
        }
        Files.write(file, text, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
    }
}
