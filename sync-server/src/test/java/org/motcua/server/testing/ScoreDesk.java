package org.motcua.server.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.motcua.protocol.codec.Sha256;
import org.motcua.protocol.doc.WireEvent;
import org.motcua.protocol.events.DossierActionTaken;
import org.motcua.protocol.events.DossierReceived;

/**
 * A commune desk that sends the score's cases as a desk does: one enrolled device, its chain, signed batches, scans
 * uploaded as blobs before the events naming them. Times are Vietnam's ({@code 2025-06-02T08:00} means 08:00 +07:00).
 */
public final class ScoreDesk {

    public final TestDevice device;
    private final Chain chain;
    private final java.util.Map<String, Integer> numbers = new java.util.HashMap<>();

    public ScoreDesk(TestServer server) {
        device = TestDevice.enrol(server);
        chain = new Chain(device.deviceId);
    }

    /** A dossier being written: its events are sent by {@link #send()}. */
    public final class Dossier {
        public final String id = UUID.randomUUID().toString();
        public final String code;
        public final String token;
        private final List<WireEvent> events = new ArrayList<>();
        private int step = 1;

        Dossier(String code, String received, String due, boolean scanned) {
            this.code = code;
            this.token = code.substring(code.length() - 4) + "TOKN";
            List<String> blobs = scanned ? List.of(upload("scan of " + code)) : List.of();
            ObjectNode reception = new DossierReceived(id, code, new DossierReceived.Procedure("1.001234", 3, "Hộ tịch"),
                    new DossierReceived.Applicant("CITIZEN", "Nguyễn Văn An", Optional.of("001090012345"), Optional.empty(),
                            "0912345678", "", new DossierReceived.Address("Hà Nội", "Hòa Bình", "Thôn 3"), Optional.empty()),
                    List.of(new DossierReceived.Document("Tờ khai", "ORIGINAL", 1)), 1, 1, "COUNTER", time(received), time(due),
                    new DossierReceived.Register("2025-M1", 1), 2, "officer-07", Optional.empty(), "",
                    Sha256.hex(token.getBytes(StandardCharsets.UTF_8)), blobs).toJson();
            events.add(chain.next("DossierReceived", id, reception, blobs, time(received)));
        }

        public Dossier step(String action, int status, String at) {
            return step(action, status, at, List.of(), Optional.empty());
        }

        /** An ending with the desk's own index due time (its working calendar) as the step deadline. */
        public Dossier judgedEnd(String action, int status, String at, String indexDue) {
            return step(action, status, at, List.of(), Optional.of(time(indexDue)));
        }

        /** {@code MARK_DONE} with the result file as the event's blob. */
        public Dossier doneWithResult(String at) {
            return step("MARK_DONE", 9, at, List.of(upload("result of " + code)), Optional.empty());
        }

        private Dossier step(String action, int status, String at, List<String> blobs, Optional<String> deadline) {
            ObjectNode payload = new DossierActionTaken(id, code, ++step, action, status, "officer-07", "officer-12", time(at),
                    deadline, Optional.empty(), Optional.empty(), "").toJson();
            events.add(chain.next("DossierActionTaken", id, payload, blobs, time(at)));
            return this;
        }

        public Dossier send() {
            Http.Answer a = device.send(device.batch(chain, events));
            if (a.status() != 200) {
                throw new AssertionError("batch refused: " + a.status() + " " + a.text());
            }
            events.clear();
            return this;
        }
    }

    /** A dossier received at {@code received} with the next number of that day (or {@code skip} numbers later). */
    public Dossier receive(String received, String due, boolean scanned, int skip) {
        String day = received.substring(2, 4) + received.substring(5, 7) + received.substring(8, 10);
        int n = numbers.merge(day, 1 + skip, Integer::sum);
        return new Dossier(Payloads.code(device.unitCode, day, (device.deviceNumber - 1) * 1000 + n), received, due, scanned);
    }

    public String codeOf(String day, int n) {
        return Payloads.code(device.unitCode, day, (device.deviceNumber - 1) * 1000 + n);
    }

    private String upload(String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        Http.Answer a = device.upload(bytes, bytes.length);
        if (a.status() / 100 != 2) {
            throw new AssertionError("upload refused: " + a.status() + " " + a.text());
        }
        return Sha256.hex(bytes);
    }

    public static String time(String local) {
        return local + ":00.000+07:00";
    }
}
