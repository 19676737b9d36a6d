package org.motcua.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.store.sync.OutboxEvent;

/**
 * The desk's USB reply import fed damaged copies of a real reply (the province's {@code usb-import} of this desk's
 * export), seeded ({@code -Dmotcua.fuzz.deskCases=N}, {@code -Dmotcua.fuzz.seed=S}): bits flipped, the end cut off,
 * ranges zeroed, repeated or filled with random bytes, 4-byte fields set huge. Each import either refuses the file with
 * a {@link SyncFailure} (and the desk's outbox is exactly as before), or, when the damage missed every signed byte
 * (a zip's own metadata), acknowledges exactly what the real reply does. Never another exception. The real reply is
 * imported at the end and acknowledges everything.
 */
class UsbReplyFuzzTest {

    private static final String UNIT = "000.00.07.H99";

    @TempDir
    Path dir;

    @Test
    void aDamagedReplyIsRefusedAndChangesNothingOrIsTheRealReply() throws Exception {
        int cases = Integer.getInteger("motcua.fuzz.deskCases", 200);
        long seed = Long.getLong("motcua.fuzz.seed", System.nanoTime());
        Path data = dir.resolve("province");
        String code = Province.enrolmentCode(data, UNIT, "UBND xã Ổ Cắm");
        try (TestDesk desk = TestDesk.create(dir, "desk", UNIT, 1)) {
            try (Province province = Province.start(data)) {
                desk.enrol(province.url(), code);
            }
            for (int i = 0; i < 4; i++) {
                desk.receive();
            }
            UsbResult.Export export = desk.engine.exportToUsb(Files.createDirectories(dir.resolve("usb"))).join();
            Path replies = Files.createDirectories(dir.resolve("replies"));
            Province.run("usb-import", export.file().toString(), "--reply-dir", replies.toString(), "--data", data.toString());
            Path reply;
            try (Stream<Path> files = Files.list(replies)) {
                reply = files.findFirst().orElseThrow();
            }
            byte[] real = Files.readAllBytes(reply);
            List<String> before = states(desk);
            Random random = new Random(seed);
            Path damaged = dir.resolve("damaged.zip");
            int refused = 0;
            int accepted = 0;
            for (int i = 0; i < cases; i++) {
                Files.write(damaged, mutate(real, random));
                String which = "seed " + seed + ", case " + i;
                try {
                    UsbResult.Import imported = desk.engine.importFromUsb(damaged).join();
                    if (!imported.alreadyImported()) {
                        assertEquals(export.batches(), imported.acknowledged(), which + ": accepted, so it must be the real reply");
                    }
                    accepted++;
                } catch (CompletionException e) {
                    assertTrue(e.getCause() instanceof SyncFailure, which + ": " + e.getCause());
                    if (accepted == 0) {
                        assertEquals(before, states(desk), which + ": a refused reply changed the desk");
                    }
                    refused++;
                }
            }
            UsbResult.Import genuine = desk.engine.importFromUsb(reply).join();
            assertTrue(genuine.alreadyImported() || genuine.acknowledged() == export.batches(), genuine.toString());
            assertTrue(states(desk).stream().allMatch(OutboxEvent.ACKED::equals), "the real reply acknowledges everything: "
                    + states(desk));
            System.out.println("usb reply fuzz: " + cases + " cases (seed " + seed + "), " + refused + " refused, " + accepted
                    + " accepted as the real reply");
        }
    }

    private static List<String> states(TestDesk desk) {
        return desk.outbox.all().stream().map(OutboxEvent::state).toList();
    }

    /** One to three of: bits flipped, the end cut off, a range zeroed, random bytes inserted, a range repeated, a huge field. */
    private static byte[] mutate(byte[] original, Random r) {
        byte[] b = original.clone();
        for (int n = 1 + r.nextInt(3); n > 0; n--) {
            int at = r.nextInt(b.length);
            switch (r.nextInt(6)) {
                case 0 -> {
                    for (int i = 0; i < 1 + r.nextInt(8); i++) {
                        b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
                    }
                }
                case 1 -> b = Arrays.copyOf(b, Math.max(1, at));
                case 2 -> Arrays.fill(b, at, Math.min(b.length, at + 1 + r.nextInt(256)), (byte) 0);
                case 3 -> {
                    byte[] add = new byte[1 + r.nextInt(64)];
                    r.nextBytes(add);
                    b = splice(b, at, add);
                }
                case 4 -> b = splice(b, at, Arrays.copyOfRange(b, at, Math.min(b.length, at + 1 + r.nextInt(512))));
                default -> {
                    if (at + 4 <= b.length) {
                        ByteBuffer.wrap(b, at, 4).putInt(r.nextBoolean() ? Integer.MAX_VALUE : 0xffff);
                    }
                }
            }
        }
        return b;
    }

    private static byte[] splice(byte[] b, int at, byte[] add) {
        byte[] out = new byte[b.length + add.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(add, 0, out, at, add.length);
        System.arraycopy(b, at, out, at + add.length, b.length - at);
        return out;
    }
}
