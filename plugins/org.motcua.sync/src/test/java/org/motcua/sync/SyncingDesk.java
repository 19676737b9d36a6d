package org.motcua.sync;

import java.nio.file.Path;
import org.motcua.store.Store;

/**
 * The child JVM of {@link DeskSyncCrashPointsTest}: an enrolled desk that receives a dossier and syncs it, again and
 * again, on a plain class path outside OSGi, until a crash point of its store halts it. args: folder, desk name.
 */
public final class SyncingDesk {

    private SyncingDesk() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        String name = args[1];
        TestDesk desk = TestDesk.reopen(dir, name, Store.open(dir.resolve(name), TestDesk.KEY));
        System.out.println("READY");
        System.out.flush();
        for (int i = 0; i < 200; i++) {
            desk.receive();
            desk.sync();
        }
        System.out.println("NO-CRASH-POINT-REACHED");
        desk.close();
    }
}
