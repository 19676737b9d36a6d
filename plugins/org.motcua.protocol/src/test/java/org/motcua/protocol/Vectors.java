package org.motcua.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The worked examples of the contract's §15, as test resources. */
public final class Vectors {

    public static final String BLOB_TEXT = "%PDF-1.7 example scan\n";
    public static final String BLOB_SHA256 = "3ff86b26ed9c581f6689573a9c5296383009b8dcbf42554e851fc7de2e5b5b5f";
    public static final String BATCH_SHA256 = "e8d34f1adf2abd608962a7c991a3d89c702d39feac4de888044ec2f094add0af";
    public static final String EVENT1_HASH = "637f008d1bd05baf4640b3887813c72f557377d80ae4ecf585d354e0583bec64";
    public static final String EVENT2_HASH = "c4a95f770907626d710d1438c06f8891b7c88db0d23d1bfc392c9efcacbe6a32";

    private Vectors() {
    }

    public static byte[] bytes(String name) {
        try (InputStream in = Vectors.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A resource parsed leniently (the examples are pretty-printed). */
    public static JsonNode tree(String name) {
        try {
            return new ObjectMapper().readTree(bytes(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
