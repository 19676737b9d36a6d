package org.motcua.sync;

/**
 * A verified enrolment answer waiting for the administrator's confirmation: the desk shows the CA's fingerprint (16
 * groups of 4 hex digits) so it can be compared with the one the province's admin tool prints, then calls
 * {@link SyncService#confirmEnrolment} (or {@link SyncService#cancelEnrolment}). Nothing is committed before.
 *
 * @param codeId          the public half of the code used
 * @param unitCode        the unit the server enrolled the device in
 * @param unitName        that unit's name
 * @param deviceNumber    the number the server gave (may differ from the one set up locally)
 * @param caFingerprint   SHA-256 of the CA certificate, grouped ({@code pki.Certificates.fingerprint})
 * @param reenrolment     true when this replaces an earlier enrolment of this device
 */
public record EnrolmentOffer(String codeId, String unitCode, String unitName, int deviceNumber, String caFingerprint,
        boolean reenrolment) {
}
