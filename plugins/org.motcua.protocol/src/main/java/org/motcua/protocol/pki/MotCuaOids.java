package org.motcua.protocol.pki;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.KeyPurposeId;

/** The project's OIDs (§2): a UUID-derived arc (ITU-T X.667) and the two extended key usages under it. */
public final class MotCuaOids {

    public static final ASN1ObjectIdentifier ARC = new ASN1ObjectIdentifier("2.25.266197213833309516998872313308803052489");
    public static final KeyPurposeId KP_DEVICE = KeyPurposeId.getInstance(ARC.branch("1"));
    public static final KeyPurposeId KP_RESPONSE = KeyPurposeId.getInstance(ARC.branch("2"));

    private MotCuaOids() {
    }
}
