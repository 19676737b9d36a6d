package org.motcua.server.dashboard;

import static org.motcua.server.testing.DashboardDesk.apology;
import static org.motcua.server.testing.DashboardDesk.ending;
import static org.motcua.server.testing.DashboardDesk.step;

import java.time.Instant;
import org.motcua.server.lookup.CitizenRatings.Rating;
import org.motcua.server.lookup.LookupRequest;
import org.motcua.server.testing.DashboardDesk;
import org.motcua.server.testing.MutableClock;
import org.motcua.server.testing.TestServer;

/**
 * Two communes' hand-made June 2025, synced through real batches; "now" is 20/06/2025 10:00 in Vietnam. Commune A's
 * desk synced just now, commune B's two days earlier. The figures each test expects are worked out beside the data.
 *
 * <pre>
 * A  a1 received 02/06 due 10/06, done 05/06 EARLY, returned      A received in June: a1..a7 = 7
 *    a2 received 03/06 due 12/06, done 12/06 ON_TIME              in process: a4 a5 a6 a7 = 4
 *    a3 received 04/06 due 09/06, done 11/06 LATE (2.000889)      overdue: a4 (due 18/06), a5 (due 17/06, apologised) = 2
 *    a4 received 10/06 due 18/06, with chuyenvien-tuphap          due within 2 days: a6 (21/06) = 1
 *    a5 received 11/06 due 17/06, apology 16/06 new date 24/06    a7 waits for the citizen: neither overdue nor due soon
 *    a6 received 19/06 due 21/06, at the counter (no step)        June ended: EARLY a1 a9, ON_TIME a2, LATE a3: 75 %
 *    a7 received 12/06 due 15/06, supplement requested 13/06
 *    a8 received 20/05 due 28/05, done 27/05 ON_TIME (May only)
 *    a9 received 25/05 due 02/06, done 01/06 EARLY (ends in June)   a1's citizen rates it: satisfied 1 of 1
 * B  b1 received 05/06 due 10/06, at the counter of can-bo-b      B received 2, in process 1, overdue 1, due soon 0
 *    b2 received 06/06 due 20/06, done 09/06 with no judgement    June ended: b2 judged by its due date ON_TIME: 100 %
 *                                  (2.000889)                     B's device: 3 events over a 1-day epoch, 2 days silent: 6
 * </pre>
 */
public final class DashboardFixture {

    public static final Instant NOW = Instant.parse("2025-06-20T03:00:00Z");
    public static final Instant B_SYNC = Instant.parse("2025-06-18T03:00:00Z");
    public static final String UNIT_A = "001.06.20.H11";
    public static final String UNIT_B = "001.06.20.H12";
    public static final String HO_TICH = "1.001234";
    public static final String CHUNG_THUC = "2.000889";

    public final DashboardDesk a;
    public final DashboardDesk b;
    public final String a4;
    public final String a5;
    public final String a6;
    public final String b1;

    /** {@code clock} must stand at {@link #B_SYNC}; it ends at {@link #NOW}. */
    public DashboardFixture(TestServer server, MutableClock clock) {
        b = new DashboardDesk(server, UNIT_B);
        b1 = b.dossier(CHUNG_THUC, "Chứng thực", t("05/06 08:00"), t("10/06 17:00"), "can-bo-b");
        b.dossier(CHUNG_THUC, "Chứng thực", t("06/06 08:00"), t("20/06 17:00"), "can-bo-b",
                ending("MARK_DONE", 9, t("09/06 10:00"), null));
        clock.advance(java.time.Duration.between(B_SYNC, NOW));
        a = new DashboardDesk(server, UNIT_A);
        String a1 = a.dossier(HO_TICH, "Hộ tịch", t("02/06 09:00"), t("10/06 17:00"), "officer-07",
                step("HAND_OVER_FOR_PROCESSING", 4, "chuyenvien-hotich", t("02/06 10:00")),
                ending("MARK_DONE", 9, t("05/06 10:00"), "EARLY"),
                step("RETURN_RESULT", 10, "Trần Thị Bình", t("06/06 09:00")));
        a.dossier(HO_TICH, "Hộ tịch", t("03/06 09:00"), t("12/06 17:00"), "officer-07",
                ending("MARK_DONE", 9, t("12/06 16:00"), "ON_TIME"));
        a.dossier(CHUNG_THUC, "Chứng thực", t("04/06 09:00"), t("09/06 17:00"), "officer-07",
                ending("MARK_DONE", 9, t("11/06 10:00"), "LATE"));
        a4 = a.dossier(HO_TICH, "Hộ tịch", t("10/06 08:00"), t("18/06 17:00"), "officer-07",
                step("HAND_OVER_FOR_PROCESSING", 4, "chuyenvien-tuphap", t("10/06 09:00")));
        a5 = a.dossier(HO_TICH, "Hộ tịch", t("11/06 08:00"), t("17/06 17:00"), "officer-07",
                step("HAND_OVER_FOR_PROCESSING", 4, "chuyenvien-hotich", t("11/06 09:00")),
                apology(t("16/06 15:00"), t("24/06 17:00")));
        a6 = a.dossier(HO_TICH, "Hộ tịch", t("19/06 08:00"), t("21/06 17:00"), "officer-07");
        a.dossier(HO_TICH, "Hộ tịch", t("12/06 08:00"), t("15/06 17:00"), "officer-07",
                step("REQUEST_SUPPLEMENT", 5, "Trần Thị Bình", t("13/06 09:00")));
        a.dossier(HO_TICH, "Hộ tịch", t("20/05 08:00"), t("28/05 17:00"), "officer-07",
                ending("MARK_DONE", 9, t("27/05 10:00"), "ON_TIME"));
        a.dossier(HO_TICH, "Hộ tịch", t("25/05 08:00"), t("02/06 17:00"), "officer-07",
                ending("MARK_DONE", 9, t("01/06 10:00"), "EARLY"));
        // The citizen of a1 rates the service on the lookup page.
        try {
            String[] receipt = a.receipts.get(a1);
            if (server.services.citizenRatings.rate(LookupRequest.parse(receipt[0], receipt[1]).orElseThrow(), Rating.SATISFIED, "")
                    != org.motcua.server.lookup.CitizenRatings.Outcome.STORED) {
                throw new AssertionError("a1's rating was not stored");
            }
        } catch (org.motcua.server.Rejection e) {
            throw new AssertionError(e);
        }
    }

    /** "dd/MM HH:mm" of 2025 in Vietnam as a wire time. */
    static String t(String ddMMhhmm) {
        return "2025-" + ddMMhhmm.substring(3, 5) + "-" + ddMMhhmm.substring(0, 2) + "T" + ddMMhhmm.substring(6) + ":00.000+07:00";
    }
}
