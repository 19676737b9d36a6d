package org.motcua.sync.internal;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.motcua.core.lifecycle.Role;
import org.motcua.protocol.Protocol;
import org.motcua.protocol.codec.B64u;
import org.motcua.protocol.codec.Sha256;
import org.motcua.protocol.doc.DossierHistory;
import org.motcua.store.RestoredDossiers;
import org.motcua.sync.RestoreResult;
import org.motcua.sync.SyncFailure;
import org.motcua.sync.SyncFailure.Reason;

/**
 * "Restore from the province" for a replacement PC (PROTOCOL-NOTES "Replacement PC"): pulls the unit's dossiers page by
 * page from the stored cursor, verifies each page like every server document (pinned CA, canonical bytes, this
 * device, the nonce sent, the cursor asked), downloads the scans its dossiers reference and checks them against their
 * names, then stores page, scans, counters and next cursor in one transaction. A cut anywhere loses at most the page
 * in flight; the next call goes on from the stored cursor. Administrators only.
 */
public final class ProvinceRestore {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** The contract's maxBlobBytes: no scan the province accepted is larger. */
    private static final int MAX_SCAN_BYTES = 32 * 1024 * 1024;

    private final SyncContext ctx;
    private final RestoredDossiers restored;
    private final int pageSize;

    public ProvinceRestore(SyncContext ctx, int pageSize) {
        this.ctx = ctx;
        this.restored = new RestoredDossiers(ctx.store);
        this.pageSize = pageSize;
    }

    /** @param all every dossier of the unit, not only those still open */
    public RestoreResult restore(boolean all, String actor, Role role) throws SyncFailure, CycleFailure, IOException {
        if (role != Role.ADMIN) {
            throw new SyncFailure(Reason.ADMIN_ONLY, "only an administrator restores dossiers from the province");
        }
        if (!ctx.enrolled()) {
            throw new SyncFailure(Reason.NOT_ENROLLED, "the desk is not enrolled: enrol it with a re-enrolment code first");
        }
        RestoredDossiers.Cursor cursor = restored.begin(all ? DossierHistory.ALL : DossierHistory.OPEN);
        int rebuilt = 0;
        int known = 0;
        int notRebuilt = 0;
        int events = 0;
        int downloaded = 0;
        int missing = 0;
        for (int pages = 0; pages < 100_000; pages++) {
            DossierHistory page = fetch(cursor);
            Map<String, byte[]> scans = new HashMap<>();
            for (String sha : restored.missingScans(page)) {
                Optional<byte[]> bytes = download(sha);
                if (bytes.isPresent()) {
                    scans.put(sha, bytes.get());
                    downloaded++;
                } else {
                    missing++;
                }
            }
            RestoredDossiers.PageResult r;
            try {
                r = restored.apply(cursor, page, sha -> Optional.ofNullable(scans.get(sha)), actor);
            } catch (IllegalArgumentException e) {   // a payload that does not hash to its payloadHash: nothing stored
                throw new SyncFailure(Reason.RESPONSE_INVALID, "a page of the province's dossiers was refused: " + e.getMessage());
            }
            rebuilt += r.dossiersRebuilt();
            known += r.dossiersKnown();
            notRebuilt += r.notRebuilt();
            events += r.eventsStored();
            if (!page.hasMore()) {
                break;
            }
            cursor = new RestoredDossiers.Cursor(cursor.scope(), page.last(), false);
        }
        return new RestoreResult(rebuilt, known, notRebuilt, events, downloaded, missing);
    }

    private DossierHistory fetch(RestoredDossiers.Cursor cursor) throws IOException, CycleFailure, SyncFailure {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        String path = ctx.devicePath() + "/dossier-history?nonce=" + B64u.encode(nonce) + "&scope=" + cursor.scope()
                + "&limit=" + pageSize + (cursor.after().isEmpty() ? "" : "&after=" + cursor.after());
        Http.Response r = ctx.bearerGet(path);
        if (r.status() != 200) {
            throw Reactions.of(ServerProblem.of(r));
        }
        ServerDocs.Verified<DossierHistory> v;
        try {
            v = ServerDocs.verify(r.body(), ServerDocs.signatureHeader(r.header(Protocol.SIGNATURE_HEADER)), ctx.keyring().ca(),
                    DossierHistory::read, DossierHistory::serverTime);
        } catch (ServerDocs.Rejected e) {
            throw new SyncFailure(Reason.RESPONSE_INVALID, "a page of the province's dossiers was refused: " + e.getMessage());
        }
        DossierHistory page = v.doc();
        ctx.sawServerTime(v.serverTime());
        if (!page.deviceId().equals(ctx.keyring().id()) || !MessageDigest.isEqual(page.nonce(), nonce)
                || !page.after().equals(cursor.after()) || !page.scope().equals(cursor.scope())) {
            throw new SyncFailure(Reason.RESPONSE_INVALID, "a page of the province's dossiers does not answer the request sent");
        }
        return page;
    }

    /** A scan's bytes, checked against its name; empty when the province does not hold it for the unit. */
    private Optional<byte[]> download(String sha) throws IOException, CycleFailure, SyncFailure {
        Http.Response r = ctx.bearerGet(ctx.devicePath() + "/blobs/" + sha, MAX_SCAN_BYTES);
        if (r.status() == 404) {
            return Optional.empty();
        }
        if (r.status() != 200) {
            throw Reactions.of(ServerProblem.of(r));
        }
        if (!Sha256.hex(r.body()).equals(sha)) {
            throw new SyncFailure(Reason.RESPONSE_INVALID, "the scan " + sha + " came with other bytes than its name");
        }
        return Optional.of(r.body());
    }
}
