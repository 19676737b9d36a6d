package org.motcua.sync;

import java.time.Instant;

/**
 * The device key was renewed (§6.2): the new certificate's serial and end of validity, how many frozen batches waiting
 * to be sent were re-signed with the new key (their bytes unchanged), and whether the answer came for a request sent
 * earlier whose answer had been lost (the same bytes were sent again).
 */
public record RekeyResult(String certificateSerial, Instant validUntil, int batchesResigned, boolean sentAgain) {
}
