package org.motcua.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The commune's local H2 file database, encrypted at rest with H2's AES file cipher.
 *
 * <p>Creating and opening are separate on purpose: {@link #open} refuses to create a new, empty database
 * when the file is missing, so a wrong path or a lost file never looks like "no dossiers yet".
 * A wrong key, a foreign file and a locked file each give their own {@link StoreException.Reason}.
 */
public final class EncryptedDatabase {

    /** H2 appends this to the base name it is given. */
    static final String FILE_SUFFIX = ".mv.db";

    private static final String USER = "motcua";

    /**
     * Every acknowledged write is forced to disk ({@code CHECKPOINT SYNC}, see {@link Store#write}), so old
     * chunks need not be kept for H2's default 45 s in case the OS had not flushed them: keeping them makes the
     * file balloon when dossiers arrive quickly. Closing compacts for up to 2 s. The page cache is 64 MB instead of
     * H2's 16: a desk of 300,000 dossiers is some 400 MB of pages, and name searches read rows all over it.
     */
    static final String STORAGE_SETTINGS = ";RETENTION_TIME=1000;MAX_COMPACT_TIME=2000;CACHE_SIZE=65536";

    /**
     * H2's file system: {@code file}, the disk. The power-loss test runs a desk in a child JVM on a file system of its
     * own ({@code -Dmotcua.store.fileSystem=unsynced}, registered by that test) that loses what was not forced to
     * disk; nothing in the product sets the property.
     */
    private static final String FILE_SYSTEM = System.getProperty("motcua.store.fileSystem", "file");

    private final Path baseName;
    private final JdbcDataSource dataSource;
    /** Kept for the backups, which are opened with the same key ({@link #fileKey()}); never written anywhere. */
    private final char[] fileKey;

    private EncryptedDatabase(Path baseName, char[] fileKey, boolean mustExist) {
        this(baseName, fileKey, mustExist ? ";IFEXISTS=TRUE" : "");
    }

    private EncryptedDatabase(Path baseName, char[] fileKey, String options) {
        this.baseName = baseName;
        this.fileKey = fileKey.clone();
        this.dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:" + FILE_SYSTEM + ":" + baseName.toAbsolutePath() + ";CIPHER=AES" + STORAGE_SETTINGS + options);
        dataSource.setUser(USER);
        // H2 takes "<file key> <user password>" in one password when CIPHER is set. The user password adds
        // nothing once the file key is known, so it is fixed; the file key is what protects the data.
        char[] password = new char[fileKey.length + 1 + USER.length()];
        System.arraycopy(fileKey, 0, password, 0, fileKey.length);
        password[fileKey.length] = ' ';
        USER.getChars(0, USER.length(), password, fileKey.length + 1);
        // JdbcDataSource keeps this array (not a copy) for every new connection: do not wipe it.
        dataSource.setPasswordChars(password);
    }

    /** Creates a new encrypted database; fails when one already exists at {@code baseName}. */
    public static EncryptedDatabase create(Path baseName, char[] fileKey) {
        checkKey(fileKey);
        if (Files.exists(dataFile(baseName))) {
            throw new StoreException(StoreException.Reason.ALREADY_EXISTS,
                    "a database already exists at " + dataFile(baseName), null);
        }
        EncryptedDatabase db = new EncryptedDatabase(baseName, fileKey, false);
        db.connect().close();
        return db;
    }

    /** Opens an existing encrypted database and checks that the key decrypts it. */
    public static EncryptedDatabase open(Path baseName, char[] fileKey) {
        checkKey(fileKey);
        if (!Files.isRegularFile(dataFile(baseName))) {
            throw new StoreException(StoreException.Reason.NOT_FOUND, "no database at " + dataFile(baseName), null);
        }
        EncryptedDatabase db = new EncryptedDatabase(baseName, fileKey, true);
        db.connect().close();
        return db;
    }

    /**
     * Opens an existing encrypted database read-only (H2's {@code ACCESS_MODE_DATA=r}): nothing is migrated or
     * written, so a backup can be checked without changing a byte of it.
     */
    static EncryptedDatabase openReadOnly(Path baseName, char[] fileKey) {
        checkKey(fileKey);
        if (!Files.isRegularFile(dataFile(baseName))) {
            throw new StoreException(StoreException.Reason.NOT_FOUND, "no database at " + dataFile(baseName), null);
        }
        EncryptedDatabase db = new EncryptedDatabase(baseName, fileKey, ";IFEXISTS=TRUE;ACCESS_MODE_DATA=r");
        db.connect().close();
        return db;
    }

    /** The key this database was opened with (a copy), for opening and writing its backups. */
    char[] fileKey() {
        return fileKey.clone();
    }

    /** The file H2 writes for {@code baseName}. */
    public static Path dataFile(Path baseName) {
        return baseName.resolveSibling(baseName.getFileName() + FILE_SUFFIX);
    }

    public Path file() {
        return dataFile(baseName);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** A new connection; the caller closes it. Failures are translated into {@link StoreException}. */
    public ConnectionHandle connect() {
        try {
            return new ConnectionHandle(dataSource.getConnection());
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    private StoreException translate(SQLException e) {
        StoreException.Reason reason = switch (e.getErrorCode()) {
            case ErrorCode.FILE_ENCRYPTION_ERROR_1, ErrorCode.WRONG_USER_OR_PASSWORD -> StoreException.Reason.WRONG_KEY;
            case ErrorCode.FILE_CORRUPTED_1, ErrorCode.FILE_VERSION_ERROR_1 -> StoreException.Reason.CORRUPTED;
            case ErrorCode.DATABASE_ALREADY_OPEN_1 -> StoreException.Reason.LOCKED;
            case ErrorCode.DATABASE_NOT_FOUND_WITH_IF_EXISTS_1, ErrorCode.DATABASE_NOT_FOUND_1 -> StoreException.Reason.NOT_FOUND;
            // H2 cannot read its own structures out of a readable file: it is foreign or damaged.
            case ErrorCode.IO_EXCEPTION_1, ErrorCode.IO_EXCEPTION_2 ->
                Files.isReadable(file()) ? StoreException.Reason.CORRUPTED : StoreException.Reason.OTHER;
            default -> StoreException.Reason.OTHER;
        };
        return new StoreException(reason, reason + " opening " + file() + " (H2 error " + e.getErrorCode() + ")", e);
    }

    private static void checkKey(char[] fileKey) {
        Objects.requireNonNull(fileKey, "fileKey");
        if (fileKey.length < 16) {
            throw new IllegalArgumentException("the database key must have at least 16 characters");
        }
        for (char c : fileKey) {
            if (c == ' ') {
                throw new IllegalArgumentException("the database key must not contain spaces (H2 separates keys by a space)");
            }
        }
    }

    /** A connection that closes without a checked exception, for try-with-resources. */
    public static final class ConnectionHandle implements AutoCloseable {
        private final Connection connection;

        ConnectionHandle(Connection connection) {
            this.connection = connection;
        }

        public Connection jdbc() {
            return connection;
        }

        @Override
        public void close() {
            try {
                connection.close();
            } catch (SQLException e) {
                throw new StoreException(StoreException.Reason.OTHER, "closing the database connection failed", e);
            }
        }
    }
}
