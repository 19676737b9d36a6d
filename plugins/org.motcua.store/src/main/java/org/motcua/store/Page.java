package org.motcua.store;

import java.util.List;

/** One page of results. {@code hasMore} is known without counting the whole table. */
public record Page<T>(List<T> items, int offset, boolean hasMore) {

    public Page {
        items = List.copyOf(items);
    }
}
