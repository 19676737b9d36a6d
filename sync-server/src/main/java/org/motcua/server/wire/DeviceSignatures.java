package org.motcua.server.wire;

import java.security.cert.X509Certificate;
import org.motcua.protocol.cms.CmsVerifier;
import org.motcua.protocol.cms.SignatureInvalid;
import org.motcua.protocol.codec.B64u;
import org.motcua.protocol.doc.ProblemType;
import org.motcua.server.Rejection;

/** The device's {@code MotCua-Signature} (§3.4): present, within its size limit, and valid for the pinned certificate. */
public final class DeviceSignatures {

    private DeviceSignatures() {
    }

    /** The header's DER bytes: 401 {@code signature-missing}, 431 {@code signature-header-too-large}. */
    public static byte[] headerBytes(String header, int maxHeaderBytes) throws Rejection {
        if (header == null || header.isEmpty()) {
            throw Rejection.of(ProblemType.SIGNATURE_MISSING, "Signature missing",
                    "This request must carry MotCua-Signature: a CMS signature by the device key (§3.4).");
        }
        if (header.length() > maxHeaderBytes) {
            throw tooLarge(maxHeaderBytes);
        }
        try {
            return B64u.decode(header.strip());
        } catch (IllegalArgumentException e) {
            throw invalid("cms-parse", "MotCua-Signature is not base64url");
        }
    }

    public static Rejection tooLarge(int maxHeaderBytes) {
        return Rejection.of(ProblemType.SIGNATURE_HEADER_TOO_LARGE, "Signature header too large",
                "MotCua-Signature may hold at most " + maxHeaderBytes + " characters.").with("limit", maxHeaderBytes);
    }

    /** Verifies a device signature over the decoded bytes {@code message} with {@code pinned}. */
    public static void verify(byte[] signature, byte[] message, X509Certificate pinned) throws Rejection {
        try {
            CmsVerifier.verifyDevice(signature, message, pinned);
        } catch (SignatureInvalid e) {
            throw invalid(e.check(), e.getMessage());
        }
    }

    public static Rejection invalid(String check, String detail) {
        return Rejection.of(ProblemType.SIGNATURE_INVALID, "Signature invalid", "The device signature failed check " + check
                + " (§3.4): " + detail + ".").with("check", check);
    }
}
