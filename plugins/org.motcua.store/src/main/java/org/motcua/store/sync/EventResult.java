package org.motcua.store.sync;

import java.util.List;
import java.util.Optional;

/**
 * The server's outcome for one event, from a verified receipt (§4.2, §5.3): {@code accepted}, {@code duplicate} (with
 * where the original is, as canonical JSON text) or {@code rejected} with a reason the operator must see.
 */
public record EventResult(long seq, String status, Optional<String> reason, List<String> warnings,
        Optional<String> original) {

    public EventResult {
        warnings = List.copyOf(warnings);
    }
}
