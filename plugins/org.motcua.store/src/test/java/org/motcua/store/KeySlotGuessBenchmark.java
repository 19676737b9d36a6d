package org.motcua.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Locale;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What one password guess costs a thief who copied a desk's key slots (not a test: {@code ./motcua bench security}).
 * A guess is a real {@link KeySlots#unlock} with a wrong password: Argon2id (19 MiB, 2 passes) then an AES-GCM tag
 * check. Beside it, in the same run, the same guess against the two ways peers protect a local secret: one salted
 * SHA-256, and PBKDF2-HMAC-SHA256 at OWASP's 600,000 iterations. The figures are per core of this machine; a thief with
 * a GPU gains far more on SHA-256 and PBKDF2 than on Argon2id, whose 19 MiB per guess is what limits it.
 */
class KeySlotGuessBenchmark {

    private static final int GUESSES = Integer.getInteger("motcua.bench.guesses", 40);

    @TempDir
    Path dir;

    @Test
    void theCostOfOneGuess() throws Exception {
        KeySlots slots = KeySlots.of(dir.resolve("desk"));
        slots.put("quantri", "Hoa-ban-no-2026!".toCharArray(), KeySlots.newDatabaseKey());
        for (int i = 0; i < 3; i++) {
            slots.unlock("quantri", ("warm-up-" + i).toCharArray());
        }
        long t = System.nanoTime();
        for (int i = 0; i < GUESSES; i++) {
            if (slots.unlock("quantri", ("doan-" + i).toCharArray()).isPresent()) {
                throw new AssertionError("a wrong password opened the slot");
            }
        }
        double argonMs = (System.nanoTime() - t) / 1e6 / GUESSES;
        report("security.keyslot_guess_ms", argonMs, "ms");
        report("security.keyslot_guesses_per_s_per_core", 1000 / argonMs, "guesses/s");
        report("security.keyslot_memory_per_guess", Argon2id.MEMORY_KIB / 1024.0, "MiB");

        byte[] salt = new byte[16];
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        int shaGuesses = 2_000_000;
        byte[] sink = new byte[32];
        t = System.nanoTime();
        for (int i = 0; i < shaGuesses; i++) {
            sha.update(salt);
            sha.update(("doan-" + i).getBytes(StandardCharsets.UTF_8));
            byte[] d = sha.digest();
            sink[i & 31] ^= d[0];
        }
        double shaPerSecond = shaGuesses / ((System.nanoTime() - t) / 1e9);
        report("security.peer_salted_sha256_guesses_per_s_per_core", shaPerSecond, "guesses/s");

        SecretKeyFactory pbkdf2 = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
        int pbkdf2Guesses = Math.max(3, GUESSES / 8);
        t = System.nanoTime();
        for (int i = 0; i < pbkdf2Guesses; i++) {
            byte[] d = pbkdf2.generateSecret(new PBEKeySpec(("doan-" + i).toCharArray(), salt, 600_000, 256)).getEncoded();
            sink[i & 31] ^= d[0];
        }
        double pbkdf2Ms = (System.nanoTime() - t) / 1e6 / pbkdf2Guesses;
        report("security.peer_pbkdf2_600k_guess_ms", pbkdf2Ms, "ms");
        // a ten-character password of lower-case letters and digits, tried at the measured rate on one core
        double space = Math.pow(36, 10);
        report("security.keyslot_core_years_for_10_char_lowercase_digits", space / 2 * argonMs / 1000 / 3600 / 24 / 365, "years");
        if (Arrays.hashCode(sink) == 42) {
            System.out.println("(sink)");  // keeps the peer loops from being optimised away
        }
    }

    private static void report(String name, double value, String unit) {
        System.out.println(String.format(Locale.ROOT, "BENCH %s %.1f %s", name, value, unit));
    }
}
