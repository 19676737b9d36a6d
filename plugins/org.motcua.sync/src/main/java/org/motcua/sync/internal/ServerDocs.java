package org.motcua.sync.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.motcua.protocol.cms.CmsVerifier;
import org.motcua.protocol.cms.ServerCertificateCheck;
import org.motcua.protocol.cms.SignatureInvalid;
import org.motcua.protocol.codec.B64u;
import org.motcua.protocol.doc.Docs;
import org.motcua.protocol.json.JsonRejected;
import org.motcua.protocol.json.SchemaInvalid;
import org.motcua.protocol.json.StrictJson;

/**
 * Verifies a document the server signed (§3.4): the CMS profile over the exact bytes first, then the bytes are parsed
 * strictly and must be canonical, then the embedded certificate must be issued directly by the pinned CA, carry the
 * response EKU and be valid at the document's own {@code serverTime} (the desk's clock is not used). Only a document
 * that passes all of this may change anything on the desk.
 */
public final class ServerDocs {

    /** A document that passed every check, with the bytes and signature it came in. */
    public record Verified<T>(T doc, byte[] bytes, byte[] signature, Instant serverTime) {
    }

    /** Why a server document was refused; {@link #check()} names the failed check. */
    public static final class Rejected extends Exception {
        private final String check;

        public Rejected(String check, String message) {
            super(check + ": " + message, null, false, false);
            this.check = check;
        }

        public String check() {
            return check;
        }
    }

    private ServerDocs() {
    }

    /** Reads the {@code MotCua-Signature} header value (b64u DER). */
    public static byte[] signatureHeader(String value) throws Rejected {
        if (value == null || value.isEmpty()) {
            throw new Rejected("signature-missing", "the document carries no MotCua-Signature");
        }
        try {
            return B64u.decode(value.trim());
        } catch (IllegalArgumentException e) {
            throw new Rejected("cms-parse", "the MotCua-Signature is not base64url");
        }
    }

    /**
     * @param reader reads the document type (checks its {@code kind} and schema)
     * @param serverTimeOf the document's {@code serverTime}
     */
    public static <T> Verified<T> verify(byte[] bytes, byte[] signature, X509Certificate pinnedCa, Docs.Reader<T> reader,
            java.util.function.Function<T, String> serverTimeOf) throws Rejected {
        X509Certificate signer;
        try {
            signer = CmsVerifier.verifyServer(signature, bytes);
        } catch (SignatureInvalid e) {
            throw new Rejected(e.check(), e.getMessage());
        }
        T doc;
        try {
            JsonNode tree = StrictJson.parseCanonical(bytes);
            doc = reader.read(tree);
        } catch (JsonRejected e) {
            throw new Rejected("json", e.getMessage());
        } catch (SchemaInvalid e) {
            throw new Rejected("schema", e.getMessage());
        }
        Instant serverTime = OffsetDateTime.parse(serverTimeOf.apply(doc)).toInstant();
        try {
            ServerCertificateCheck.check(signer, pinnedCa, serverTime);
        } catch (SignatureInvalid e) {
            throw new Rejected(e.check(), e.getMessage());
        }
        return new Verified<>(doc, bytes, signature, serverTime);
    }
}
