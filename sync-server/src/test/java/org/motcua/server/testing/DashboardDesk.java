package org.motcua.server.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.motcua.protocol.codec.Sha256;
import org.motcua.protocol.doc.WireEvent;
import org.motcua.protocol.events.DossierActionTaken;
import org.motcua.protocol.events.DossierReceived;

/**
 * A commune's desk for the dashboard's tests: one enrolled device sending dossiers with the dates, procedures and
 * handover steps a test chooses, as real signed batches (one per dossier) through the ingest pipeline. Times are the
 * desk's wire times ({@code 2025-06-02T09:00:00.000+07:00}).
 */
public final class DashboardDesk {

    /** One handover step; {@code timeliness} and {@code newDueAt} may be null. */
    public record Step(String action, int status, String to, String at, String timeliness, String newDueAt) {
    }

    public final TestDevice device;
    /** Each dossier's code and the lookup token its receipt printed, by dossier id. */
    public final java.util.Map<String, String[]> receipts = new java.util.HashMap<>();
    private final Chain chain;
    private int next = 1;

    public DashboardDesk(TestServer server, String unitCode) {
        this.device = TestDevice.enrol(server, unitCode);
        this.chain = new Chain(device.deviceId);
    }

    public static Step step(String action, int status, String to, String at) {
        return new Step(action, status, to, at, null, null);
    }

    public static Step ending(String action, int status, String at, String timeliness) {
        return new Step(action, status, "officer-07", at, timeliness, null);
    }

    public static Step apology(String at, String newDueAt) {
        return new Step("EXTEND_DEADLINE", 4, "officer-07", at, null, newDueAt);
    }

    /** Sends a dossier received at the desk by {@code receivedBy}, then its steps; returns its id. */
    public String dossier(String procedure, String field, String receivedAt, String dueAt, String receivedBy, Step... steps) {
        String id = UUID.randomUUID().toString();
        String token = String.format("TOKEN%03d", next);
        String code = Payloads.code(device.unitCode, receivedAt.substring(2, 4) + receivedAt.substring(5, 7) + receivedAt.substring(8, 10),
                (device.deviceNumber - 1) * 1000 + next++);
        ObjectNode reception = new DossierReceived(id, code, new DossierReceived.Procedure(procedure, 1, field),
                new DossierReceived.Applicant("CITIZEN", "Trần Thị Bình", Optional.empty(), Optional.empty(), "0912345678", "",
                        new DossierReceived.Address("Hà Nội", "Hòa Bình", "Thôn 1"), Optional.empty()),
                List.of(new DossierReceived.Document("Tờ khai", "ORIGINAL", 1)), 1, 1, "COUNTER", receivedAt, dueAt,
                new DossierReceived.Register("2025-M1", next), 2, receivedBy, Optional.empty(), "",
                Sha256.hex(token.getBytes(java.nio.charset.StandardCharsets.UTF_8)), List.of()).toJson();
        receipts.put(id, new String[] {code, token});
        List<WireEvent> events = new ArrayList<>();
        events.add(chain.next("DossierReceived", id, reception, List.of(), receivedAt));
        int n = 2;
        for (Step s : steps) {
            ObjectNode payload = new DossierActionTaken(id, code, n++, s.action(), s.status(), "officer-07", s.to(), s.at(),
                    Optional.empty(), Optional.ofNullable(s.timeliness()), Optional.ofNullable(s.newDueAt()), "Ghi chú bước " + n)
                    .toJson();
            events.add(chain.next("DossierActionTaken", id, payload, List.of(), s.at()));
        }
        Http.Answer a = device.send(device.batch(chain, events));
        if (a.status() != 200) {
            throw new AssertionError("batch refused: " + a.status() + " " + a.text());
        }
        return id;
    }
}
