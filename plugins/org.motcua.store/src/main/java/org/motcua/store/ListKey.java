package org.motcua.store;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * Where a dossier stands in the dossier list, whose order is newest first: reception time, then code, both
 * descending. A page can start "after" a key (keyset paging), which the list's index answers directly, instead of
 * after N rows, which the database has to walk.
 */
public record ListKey(LocalDateTime receivedAt, String code) {

    public ListKey {
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(code, "code");
    }
}
