package org.motcua.store;

import java.time.LocalDateTime;
import java.util.UUID;
import org.motcua.core.dossier.ResultReturn;

/** A stored return: how the result of dossier {@code dossierId} was returned, when, and by which officer. */
public record ReturnedResult(UUID dossierId, ResultReturn details, LocalDateTime at, String by) {
}
