package org.motcua.store;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/** Argon2id (Bouncy Castle), the memory-hard function behind password hashes and key slots. */
final class Argon2id {

    /** OWASP's minimum for Argon2id: 19 MiB, 2 passes, 1 lane. */
    static final int MEMORY_KIB = 19 * 1024;
    static final int ITERATIONS = 2;
    static final int PARALLELISM = 1;

    private Argon2id() {
    }

    static byte[] derive(char[] secret, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKib)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt)
                .build());
        byte[] utf8 = new String(secret).getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[length];
        generator.generateBytes(utf8, out);
        Arrays.fill(utf8, (byte) 0);
        return out;
    }
}
