package org.motcua.server.restore;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.motcua.protocol.codec.WireFormats;
import org.motcua.protocol.doc.DossierHistory;
import org.motcua.protocol.doc.ProblemType;
import org.motcua.server.Rejection;
import org.motcua.server.keys.ServerKeys;
import org.motcua.server.persistence.ServerDatabase;
import org.motcua.server.persistence.Tx;
import org.motcua.server.registry.DeviceRecord;
import org.motcua.server.sessions.SessionService;

/**
 * Signed pages of a unit's dossiers for a replacement PC (PROTOCOL-NOTES "Replacement PC"). The cursor is the last
 * dossier id served, so a page is a range of one index and a desk cut off mid-way asks again from its stored cursor;
 * each dossier comes whole. A page is read in one transaction, so its dossiers, events and counters agree.
 */
public final class DossierHistoryService {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    private final ServerDatabase db;
    private final ServerKeys keys;
    private final Clock clock;

    public DossierHistoryService(ServerDatabase db, ServerKeys keys, Clock clock) {
        this.db = db;
        this.keys = keys;
        this.clock = clock;
    }

    /** @param after the last dossier id of the previous page, or {@code ""} (or null) to start */
    public DossierHistory page(DeviceRecord device, byte[] nonce, String scope, String after, Integer limit) throws Rejection {
        int max = limit == null ? DEFAULT_LIMIT : limit;
        if (max < 1 || max > MAX_LIMIT) {
            throw bad("limit must be within 1.." + MAX_LIMIT + ".");
        }
        if (!DossierHistory.OPEN.equals(scope) && !DossierHistory.ALL.equals(scope)) {
            throw bad("scope is \"open\" or \"all\".");
        }
        String from = after == null ? DossierHistory.START : after;
        if (!from.isEmpty() && !WireFormats.isUuid(from)) {
            throw bad("after must be a uuid.");
        }
        boolean all = DossierHistory.ALL.equals(scope);
        return Tx.plain(db, c -> {
            List<HistoryQueries.DossierRow> rows = HistoryQueries.dossiers(c, device.unitCode(), from, all, max + 1);
            boolean hasMore = rows.size() > max;
            List<DossierHistory.Dossier> dossiers = new ArrayList<>();
            for (HistoryQueries.DossierRow row : hasMore ? rows.subList(0, max) : rows) {
                dossiers.add(new DossierHistory.Dossier(row.id(), row.code(),
                        HistoryQueries.events(c, device.unitCode(), row.id()), row.status()));
            }
            String last = dossiers.isEmpty() ? from : dossiers.get(dossiers.size() - 1).aggregateId();
            // The counters go with the first page only: the register's are read from every reception of the device, too
            // dear to repeat per page, and the desk stores them with that page, so a resumed restore has them already.
            boolean first = from.isEmpty();
            return new DossierHistory(from, first ? HistoryQueries.codeCounters(c, device.deviceId()) : List.of(),
                    device.deviceId(), dossiers, hasMore, last, nonce,
                    first ? HistoryQueries.registerCounters(c, device.deviceId()) : List.of(), scope,
                    WireFormats.serverTime(clock.instant()), device.unitCode());
        });
    }

    public SessionService.Signed signedPage(DeviceRecord device, byte[] nonce, String scope, String after, Integer limit)
            throws Rejection {
        byte[] body = page(device, nonce, scope, after, limit).canonical();
        return new SessionService.Signed(body, keys.sign(body));
    }

    private static Rejection bad(String detail) {
        return Rejection.of(ProblemType.BAD_REQUEST, "Bad request", detail);
    }
}
