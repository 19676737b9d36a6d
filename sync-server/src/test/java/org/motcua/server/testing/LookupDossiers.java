package org.motcua.server.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.motcua.protocol.codec.Sha256;
import org.motcua.protocol.doc.WireEvent;

/**
 * Dossiers for the citizen's lookup, sent as a desk sends them: one enrolled device, its chain, real signed batches. The
 * reception carries hex(SHA-256(token)) as the desk's intake writes it; the applicant, officers and note are the
 * ordinary test payload's, so a test can check that none of them reaches the citizen's page.
 */
public final class LookupDossiers {

    /** A dossier on the server: its id, code and the token its receipt printed. */
    public record Made(String dossierId, String code, String token) {
    }

    public final TestDevice device;
    private final Chain chain;
    private int next = 1;

    public LookupDossiers(TestServer server) {
        this.device = TestDevice.enrol(server);
        this.chain = new Chain(device.deviceId);
    }

    /** Received on 31/05/2025 (due 05/06/2025 17:00), handed over for processing; then done and returned if asked. */
    public Made dossier(String token, boolean returned) {
        String id = UUID.randomUUID().toString();
        String code = Payloads.code(device.unitCode, "250531", (device.deviceNumber - 1) * 1000 + next++);
        ObjectNode reception = Payloads.received(id, code, List.of(), 2);
        reception.put("lookupTokenSha256", Sha256.hex(token.getBytes(StandardCharsets.UTF_8)));
        List<WireEvent> events = new ArrayList<>();
        events.add(chain.next("DossierReceived", id, reception, List.of(), TestDevice.CREATED_AT));
        events.add(action(id, code, 2, "HAND_OVER_FOR_PROCESSING", 4, "2025-05-31T09:00:00.000+07:00"));
        if (returned) {
            events.add(action(id, code, 3, "MARK_DONE", 9, "2025-06-03T10:00:00.000+07:00"));
            events.add(action(id, code, 4, "RETURN_RESULT", 10, "2025-06-04T09:30:00.000+07:00"));
        }
        Http.Answer a = device.send(device.batch(chain, events));
        if (a.status() != 200) {
            throw new AssertionError("batch refused: " + a.status() + " " + a.text());
        }
        return new Made(id, code, token);
    }

    private WireEvent action(String id, String code, int step, String action, int status, String at) {
        return chain.next("DossierActionTaken", id, Payloads.action(id, code, step, action, status, at, null), List.of(), at);
    }
}
