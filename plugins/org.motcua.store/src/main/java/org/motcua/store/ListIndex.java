package org.motcua.store;

import java.util.List;
import java.util.Optional;

/**
 * A sparse index of one dossier list (one set of filters): how many rows it has, and the key of the last row of
 * every page, so a jump to any page is one keyset query however deep it lands. Made by one pass over the list's
 * index ({@link DossierSearch#listIndex}); 300,000 dossiers give 1,500 keys.
 *
 * @param count    rows in the list
 * @param pageSize rows per page
 * @param pageEnds {@code pageEnds.get(p)} is the key of the last row of page {@code p}
 */
public record ListIndex(int count, int pageSize, List<ListKey> pageEnds) {

    public ListIndex {
        pageEnds = List.copyOf(pageEnds);
    }

    /** The key after which page {@code page} starts; empty for the first page or a page beyond the index. */
    public Optional<ListKey> startOf(int page) {
        return page > 0 && page - 1 < pageEnds.size() ? Optional.of(pageEnds.get(page - 1)) : Optional.empty();
    }
}
