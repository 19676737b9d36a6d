package org.motcua.server.export;

import java.util.ArrayList;
import java.util.List;
import org.motcua.protocol.events.DossierActionTaken;
import org.motcua.protocol.events.DossierReceived;

/** A dossier's record-level facts after its reception and a list of its steps, replayed in step order. */
final class DossierFold {

    /** One supplement request and, once it came, the supplement's reception. */
    static final class Supplement {
        final String eventId;
        final String requestedBy;
        final String content;
        final String requestedAt;
        final String dueBefore;
        String receivedBy = "";
        String receiptNote = "";
        String receivedAt;
        String dueAfter;

        Supplement(String eventId, String requestedBy, String content, String requestedAt, String dueBefore) {
            this.eventId = eventId;
            this.requestedBy = requestedBy;
            this.content = content;
            this.requestedAt = requestedAt;
            this.dueBefore = dueBefore;
        }
    }

    int status;
    String receivedAt;
    String dueAt;
    String endedAt;
    String returnedAt;
    String returnInfo = "";
    boolean byPost;
    final List<Supplement> supplements = new ArrayList<>();

    static DossierFold of(DossierReceived r, List<NationalRecords.Step> steps) {
        DossierFold f = new DossierFold();
        f.status = r.status();
        // Collected in the field (status 1), a dossier has no reception or due time until the centre's RECEIVE.
        f.receivedAt = r.status() == 2 ? r.receivedAt() : null;
        f.dueAt = r.status() == 2 ? r.dueAt() : null;
        f.byPost = "POST".equals(r.delivery());
        steps.forEach(s -> f.apply(s.eventId(), s.action()));
        return f;
    }

    private void apply(String eventId, DossierActionTaken a) {
        status = a.status();
        String dueBefore = dueAt;
        a.newDueAt().ifPresent(d -> dueAt = d);
        switch (a.action()) {
            case "RECEIVE" -> receivedAt = a.at();
            case "MARK_DONE", "REFUSE", "STOP", "WITHDRAW" -> endedAt = a.at();
            case "RETURN_RESULT" -> {
                returnedAt = a.at();
                a.resultReturned().ifPresent(rr -> {
                    byPost = "POST".equals(rr.collectedBy());
                    returnInfo = switch (rr.collectedBy()) {
                        case "POST" -> "Trả qua dịch vụ bưu chính" + rr.trackingNumber().map(n -> ", mã bưu gửi " + n).orElse("");
                        case "AUTHORISED_PERSON" -> "Trả cho người được ủy quyền" + rr.collectorName().map(n -> ": " + n).orElse("");
                        default -> "Trả trực tiếp cho người nộp hồ sơ";
                    };
                });
            }
            case "REQUEST_SUPPLEMENT" -> supplements.add(new Supplement(eventId, a.from(), a.note(), a.at(), dueBefore));
            case "SUPPLEMENT_RECEIVED" -> supplements.stream().filter(s -> s.receivedAt == null).reduce((x, y) -> y).ifPresent(s -> {
                s.receivedBy = a.from();
                s.receiptNote = a.note();
                s.receivedAt = a.at();
                s.dueAfter = dueAt;
            });
            default -> {
            }
        }
    }
}
