package org.motcua.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;

/** Constants of the wire contract ({@code shared/protocol.md}, version 1) that both sides use. */
public final class Protocol {

    /** The integer major version carried as {@code protocol} in every document and in the path. */
    public static final int VERSION = 1;

    /** Versions this build serves or speaks. */
    public static final List<Integer> SUPPORTED = List.of(VERSION);

    /** Every endpoint lives under this path of the base URL fixed at enrolment. */
    public static final String BASE_PATH = "/api/v1";

    public static final String SIGNATURE_HEADER = "MotCua-Signature";
    public static final String ENROLMENT_MAC_HEADER = "MotCua-Enrolment-Mac";
    public static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";
    public static final String PROBLEM_TYPE_BASE = "https://motcua.invalid/problems/";
    public static final String PROBLEM_MEDIA_TYPE = "application/problem+json";
    public static final String REALM = "motcua-sync";

    /** The release of the code that produced this build, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static final String BUILD_VERSION = buildVersion();

    private Protocol() {
    }

    private static String buildVersion() {
        Properties props = new Properties();
        try (InputStream in = Protocol.class.getResourceAsStream("protocol.properties")) {
            if (in == null) {
                return "unknown";
            }
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return props.getProperty("build.version", "unknown");
    }
}
