package org.motcua.protocol.cms;

/**
 * A signature that fails the CMS profile of §3.4. {@link #check()} names the first failed check in the contract's
 * order: {@code cms-parse, not-detached, signer-count, certificates, algorithm, attributes, signer-id,
 * message-digest, signature-value}, or {@code profile} for any other departure, and, for server signatures checked by
 * a device, {@code issuer}, {@code usage} or {@code validity} of the embedded certificate.
 */
public final class SignatureInvalid extends Exception {

    private final String check;

    public SignatureInvalid(String check, String message) {
        super(check + ": " + message, null, false, false);
        this.check = check;
    }

    public String check() {
        return check;
    }
}
