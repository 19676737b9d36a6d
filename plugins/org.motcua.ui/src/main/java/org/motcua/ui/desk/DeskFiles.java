package org.motcua.ui.desk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.motcua.store.KeySlots;
import org.motcua.store.LoginThrottle;

/**
 * Where this desk keeps its database: {@code desk.mv.db} (encrypted H2), {@code desk.keys.json} (the
 * database key wrapped per officer) and {@code desk.logins} (failed logins counted before the database opens) in
 * the instance location ({@code -data} directory).
 */
public record DeskFiles(Path directory) {

    public static final String BASE_NAME = "desk";

    public Path baseName() {
        return directory.resolve(BASE_NAME);
    }

    public Path databaseFile() {
        return directory.resolve(BASE_NAME + ".mv.db");
    }

    /** True once the setup wizard (or the demo mode) has created the database. */
    public boolean exists() {
        return Files.exists(databaseFile());
    }

    public KeySlots keySlots() {
        return KeySlots.of(baseName());
    }

    public LoginThrottle loginThrottle() {
        return LoginThrottle.of(baseName());
    }

    /** Removes a half-made desk after a failed setup, so the wizard can run again. */
    void deleteAll() {
        for (Path p : List.of(databaseFile(), keySlots().file(), loginThrottle().file(), directory.resolve(BASE_NAME + ".trace.db"))) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
