package org.motcua.sync;

/**
 * What a restore from the province brought back to a replacement PC.
 *
 * @param dossiersRestored dossiers rebuilt on this desk with their timelines
 * @param dossiersKnown    dossiers the desk already held (an earlier restore, or its own)
 * @param notRebuilt       dossiers kept as events only: the desk does not hold the procedure version they were received
 *                         under, or the province holds steps without the reception
 * @param eventsStored     events stored byte for byte as the province holds them
 * @param scansDownloaded  scans downloaded for those dossiers
 * @param scansMissing     scans a dossier references that the province could not send
 */
public record RestoreResult(int dossiersRestored, int dossiersKnown, int notRebuilt, int eventsStored, int scansDownloaded,
        int scansMissing) {
}
