package org.motcua.sync;

import java.net.URI;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.motcua.core.lifecycle.Role;

/**
 * What the desk's UI uses of sync (plain Java, no SWT). One service per opened desk, running in the background while
 * an officer is logged in ({@link SyncEngine#start()} after login, {@link #close()} at logout).
 *
 * <p>Nothing here blocks the caller: {@link #status()} reads a snapshot, {@link #syncNow()} and
 * {@link #eventsChanged()} only schedule, and the operations that talk to the server or to files return futures that
 * complete on the engine's thread — exceptionally with a {@link SyncFailure} whose {@link SyncFailure#reason()} the
 * UI can put into words. Listeners hear of every change on the engine's thread; a UI hops to its own.
 *
 * <p>Enrolment is two-step so the administrator can compare the CA fingerprint: {@link #beginEnrolment} sends the code's
 * request and verifies the answer; the UI shows {@link EnrolmentOffer#caFingerprint()}; {@link #confirmEnrolment}
 * commits it (or {@link #cancelEnrolment} forgets it). Without a link: {@link #writeEnrolmentRequest} writes the request
 * file for the admin's CLI, {@link #readEnrolmentResponse} reads its answer into the same kind of offer.
 * {@link #rekey} later renews the enrolled key.
 */
public interface SyncService extends AutoCloseable {

    /** The current state, for the sync part and the status bar. */
    SyncStatus status();

    void addListener(SyncListener listener);

    void removeListener(SyncListener listener);

    /** "Đồng bộ ngay": sync as soon as the engine is free, ignoring the back-off wait (not a stop: see status). */
    void syncNow();

    /** A new event was committed (intake, action): sync shortly, after a debounce. */
    void eventsChanged();

    /** True when every event of the dossier is covered by a verified receipt of the province. */
    boolean reachedProvince(UUID dossierId);

    /** Sends the enrolment request for {@code code} to {@code server} and verifies the answer; commits nothing. */
    CompletableFuture<EnrolmentOffer> beginEnrolment(URI server, String code);

    /** Commits the verified enrolment the administrator confirmed; syncing starts. */
    CompletableFuture<Void> confirmEnrolment(EnrolmentOffer offer);

    /** Forgets an enrolment answer the administrator did not confirm (a new code will be needed). */
    CompletableFuture<Void> cancelEnrolment(EnrolmentOffer offer);

    /** Offline enrolment: writes {@code motcua-enrol-<codeId>.json} into {@code directory} for the admin's CLI. */
    CompletableFuture<Path> writeEnrolmentRequest(URI server, String code, Path directory);

    /** Offline enrolment: reads the admin's answer file; confirm the returned offer as online. */
    CompletableFuture<EnrolmentOffer> readEnrolmentResponse(Path file);

    /** Writes a USB export file (§11) into {@code directory}. */
    CompletableFuture<UsbResult.Export> exportToUsb(Path directory);

    /** Imports the province's reply file; importing the same file twice changes nothing. */
    CompletableFuture<UsbResult.Import> importFromUsb(Path replyFile);

    /**
     * Renews this computer's key (§6.2): a new key, its certificate from the province, every batch waiting to be sent
     * re-signed; the old key is destroyed. Administrators only ({@code role} is checked here too, not only by the UI).
     * A request whose answer was lost is kept and sent again, byte for byte, by the next call or sync attempt.
     *
     * @param actor the administrator's user name, for the desk's audit log
     */
    CompletableFuture<RekeyResult> rekey(String actor, Role role);

    /**
     * Restores a replacement PC from the province: every dossier of the unit not yet closed ({@code all}: every one),
     * with its handover timeline and scans, stored as history already synced (nothing goes into the outbox); the day
     * and register counters move past every number the province saw from this device. A cut restore goes on from
     * where it stopped at the next call. Administrators only ({@code role} is checked here too).
     *
     * @param actor the administrator's user name, for the desk's audit log
     */
    CompletableFuture<RestoreResult> restoreFromProvince(boolean all, String actor, Role role);

    /** Stops the engine (waits for the step in progress to end); the store stays open. */
    @Override
    void close();
}
