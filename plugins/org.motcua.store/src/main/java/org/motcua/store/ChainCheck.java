package org.motcua.store;

import java.util.OptionalLong;

/**
 * Result of verifying a hash-linked log (outbox or audit).
 *
 * @param checked     how many entries were read
 * @param firstBroken the sequence number of the first entry whose link does not verify, if any: every
 *                    entry before it is intact, it or something before it was changed, removed or reordered
 */
public record ChainCheck(long checked, OptionalLong firstBroken) {

    public boolean intact() {
        return firstBroken.isEmpty();
    }
}
