package org.motcua.server.wire;

import java.security.cert.X509Certificate;
import org.motcua.server.Rejection;

/**
 * A small signed request (session, rekey): the path's device, the {@code MotCua-Signature} header and the body. The
 * checks shared by both endpoints run here in the order of §7 (signature header, body size, signature, document).
 */
public record SignedRequest(String deviceId, String signatureHeader, byte[] body) {

    /** Header present and small enough, body within {@code maxRequestBytes}; the signature's DER bytes. */
    public byte[] signature(int maxSignatureHeaderBytes, long maxRequestBytes) throws Rejection {
        byte[] der = DeviceSignatures.headerBytes(signatureHeader, maxSignatureHeaderBytes);
        if (body.length > maxRequestBytes) {
            throw RequestDocuments.requestTooLarge(maxRequestBytes);
        }
        return der;
    }

    public void verify(byte[] der, X509Certificate pinned) throws Rejection {
        DeviceSignatures.verify(der, body, pinned);
    }
}
