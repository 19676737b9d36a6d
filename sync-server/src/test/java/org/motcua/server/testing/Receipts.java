package org.motcua.server.testing;

import java.security.cert.X509Certificate;
import java.time.Instant;
import org.motcua.protocol.Protocol;
import org.motcua.protocol.cms.CmsVerifier;
import org.motcua.protocol.cms.ServerCertificateCheck;
import org.motcua.protocol.codec.B64u;
import org.motcua.protocol.codec.WireFormats;
import org.motcua.protocol.doc.Docs;
import org.motcua.protocol.doc.Receipt;
import org.motcua.protocol.pki.Certificates;

/** Verifies signed answers as a device does (§3.4): profile, embedded response certificate chained to the pinned CA. */
public final class Receipts {

    private Receipts() {
    }

    public static Receipt verified(TestDevice device, Http.Answer a) {
        verifySignature(device, a);
        try {
            Receipt r = Docs.parse(a.body(), Receipt::read);
            return r;
        } catch (Exception e) {
            throw new AssertionError("not a receipt: " + a.text(), e);
        }
    }

    /** The signature over the body verifies and its certificate is the pinned CA's response certificate. */
    public static void verifySignature(TestDevice device, Http.Answer a) {
        String header = a.header(Protocol.SIGNATURE_HEADER);
        if (header == null) {
            throw new AssertionError("no MotCua-Signature on " + a.status() + " " + a.text());
        }
        try {
            X509Certificate cert = CmsVerifier.verifyServer(B64u.decode(header), a.body());
            String serverTime = org.motcua.protocol.json.StrictJson.parse(a.body()).get("serverTime").textValue();
            Instant at = WireFormats.parseTime(serverTime).toInstant();
            ServerCertificateCheck.check(cert, Certificates.parse(device.enrolment.caCertificate()), at);
        } catch (Exception e) {
            throw new AssertionError("the server signature does not verify: " + e.getMessage(), e);
        }
    }
}
