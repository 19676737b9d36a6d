package org.motcua.server.export;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.motcua.protocol.doc.WireEvent;
import org.motcua.protocol.events.DossierActionTaken;
import org.motcua.server.testing.Chain;
import org.motcua.server.testing.Http;
import org.motcua.server.testing.Payloads;
import org.motcua.server.testing.TestDevice;
import org.motcua.server.testing.TestServer;

/** Dossiers with a whole life (supplement, done, returned by post), synced by one enrolled device in real batches. */
final class ExportDossiers {

    record Made(String dossierId, String code) {
    }

    final TestDevice device;
    final Chain chain;
    private int next = 1;

    ExportDossiers(TestServer server) {
        this(TestDevice.enrol(server));
    }

    /** A second computer of the same commune as {@code other}. */
    ExportDossiers(TestServer server, ExportDossiers other) {
        this(TestDevice.enrol(server, other.device.unitCode));
    }

    private ExportDossiers(TestDevice device) {
        this.device = device;
        chain = new Chain(device.deviceId);
    }

    /** Received 31/05/2025 08:15:30 (+07), due 05/06 17:00; the life of {@link #life} in one batch. */
    Made whole() {
        Made m = newCode();
        send(reception(m), life(m));
        return m;
    }

    Made newCode() {
        return new Made(UUID.randomUUID().toString(),
                Payloads.code(device.unitCode, "250531", (device.deviceNumber - 1) * 1000 + next++));
    }

    WireEvent reception(Made m) {
        return chain.next("DossierReceived", m.dossierId(), Payloads.received(m.dossierId(), m.code(), List.of(), 2), List.of(),
                TestDevice.CREATED_AT);
    }

    /** Hand-over, supplement request and its return (moving the due time), done, returned by post with a rating. */
    List<WireEvent> life(Made m) {
        List<WireEvent> out = new ArrayList<>();
        out.add(step(m, 2, "HAND_OVER_FOR_PROCESSING", 4, "2025-05-31T09:00:00.000+07:00", null, "", Optional.empty()));
        out.add(step(m, 3, "REQUEST_SUPPLEMENT", 5, "2025-06-02T10:00:00.000+07:00", null, "Thiếu bản sao CCCD", Optional.empty()));
        out.add(step(m, 4, "SUPPLEMENT_RECEIVED", 4, "2025-06-03T14:30:00.000+07:00", "2025-06-06T17:00:00.000+07:00",
                "Đã nộp bản sao", Optional.empty()));
        out.add(step(m, 5, "MARK_DONE", 9, "2025-06-05T11:00:00.000+07:00", null, "", Optional.empty()));
        out.add(step(m, 6, "RETURN_RESULT", 10, "2025-06-06T09:45:00.000+07:00", null, "",
                Optional.of(new DossierActionTaken.ResultReturned("POST", Optional.empty(), Optional.empty(),
                        Optional.of("EB123456789VN"), Optional.of("SATISFIED"), ""))));
        return out;
    }

    WireEvent step(Made m, int step, String action, int status, String at, String newDue, String note,
            Optional<DossierActionTaken.ResultReturned> returned) {
        ObjectNode payload = new DossierActionTaken(m.dossierId(), m.code(), step, action, status, "officer-07", "officer-12", at,
                Optional.of("2025-06-05T17:00:00.000+07:00"), Optional.of("ON_TIME"), Optional.ofNullable(newDue), note, returned)
                .toJson();
        return chain.next("DossierActionTaken", m.dossierId(), payload, List.of(), at);
    }

    void send(WireEvent first, List<WireEvent> rest) {
        List<WireEvent> events = new ArrayList<>();
        if (first != null) {
            events.add(first);
        }
        events.addAll(rest);
        send(events);
    }

    void send(List<WireEvent> events) {
        Http.Answer a = device.send(device.batch(chain, events));
        if (a.status() != 200) {
            throw new AssertionError("batch refused: " + a.status() + " " + a.text());
        }
        // Every event accepted, none rejected (a rejected event is stored but never exported).
        try {
            for (var r : new com.fasterxml.jackson.databind.ObjectMapper().readTree(a.text()).get("results")) {
                if (!"accepted".equals(r.get("status").asText())) {
                    throw new AssertionError("event not accepted: " + r);
                }
            }
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
