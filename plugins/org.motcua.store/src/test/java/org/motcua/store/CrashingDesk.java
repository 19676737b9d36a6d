package org.motcua.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import org.motcua.core.dossier.Dossier;
import org.motcua.core.lifecycle.Role;

/**
 * The child process of {@link CrashTest}: a desk that receives dossiers as fast as it can and, after each
 * {@code receive} returns, appends the dossier's id to an acknowledgement file and forces it to disk. The
 * parent kills it with SIGKILL at a random moment and then checks that every acknowledged dossier is in
 * the store. Runs on a plain class path, outside OSGi.
 */
public final class CrashingDesk {

    private CrashingDesk() {
    }

    /** args: database base name, acknowledgement file, first citizen number. */
    public static void main(String[] args) throws IOException {
        Path base = Path.of(args[0]);
        Path acks = Path.of(args[1]);
        int n = Integer.parseInt(args[2]);
        if (FilePathUnsynced.SCHEME.equals(System.getProperty("motcua.store.fileSystem"))) {
            FilePathUnsynced.install();   // the power-loss test: writes not forced are lost at the cut
        }
        Store store = Files.exists(EncryptedDatabase.dataFile(base)) ? Store.open(base, StoreFixture.KEY)
                : newStore(base);
        DossierIntake intake = new DossierIntake(store, StoreFixture.DEADLINES);
        // each run on a Tuesday of its own (weeks apart, no public holiday among them in 2026): a day has 999 numbers
        LocalDateTime at = LocalDateTime.of(2026, 3, 10, 8, 0).plusWeeks((n / 100_000) % 20);
        try (FileChannel ack = FileChannel.open(acks, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            System.out.println("READY");
            System.out.flush();
            while (true) {
                at = at.plusSeconds(3);
                Dossier d = intake.receive(StoreFixture.intake(StoreFixture.birthRegistration(), n++, at),
                        Role.RECEIVING_OFFICER, at);
                ack.write(ByteBuffer.wrap((d.id() + " " + d.code().format() + "\n").getBytes(StandardCharsets.US_ASCII)));
                ack.force(false);
            }
        }
    }

    private static Store newStore(Path base) {
        Store store = Store.create(base, StoreFixture.KEY, DeviceIdentity.newDevice(StoreFixture.UNIT, "UBND xã Mẫu", 1));
        store.addProcedures(StoreFixture.CATALOGUE.current());
        return store;
    }
}
