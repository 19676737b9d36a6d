package org.motcua.core.lifecycle;

import java.util.Locale;
import org.motcua.core.validation.Localizable;
import org.motcua.core.validation.Texts;

/**
 * The national dossier statuses, with the codes exchanged with the national public service portal.
 *
 * <p>"Overdue" is not a status: it is derived from the due instant, see {@link Deadlines}.
 */
public enum DossierStatus implements Localizable {

    /** Mới đăng ký: registered (online, or collected in the field) but not yet formally received. */
    NEW(1),
    /** Được tiếp nhận: formally received at the one-stop desk; the deadline runs. */
    RECEIVED(2),
    /** Không được tiếp nhận: refused at reception. */
    REFUSED(3),
    /** Đang xử lý: handed over to the processing officer. */
    PROCESSING(4),
    /** Yêu cầu bổ sung: the applicant must complete the dossier. */
    SUPPLEMENT_REQUESTED(5),
    /** Chờ thực hiện nghĩa vụ tài chính: waiting for the applicant to pay fees, taxes or charges. */
    AWAITING_FINANCIAL_OBLIGATION(6),
    /** Rút hồ sơ: withdrawn at the applicant's request. */
    WITHDRAWN(7),
    /** Dừng xử lý: processing stopped by the deciding body. */
    STOPPED(8),
    /** Đã xử lý xong: the result is ready at the desk. */
    DONE(9),
    /** Đã trả kết quả: the result was handed to the applicant (or posted). */
    RETURNED(10);

    private static final String LABELS = "org.motcua.core.lifecycle.labels";

    private final int code;

    DossierStatus(int code) {
        this.code = code;
    }

    /** The national status code, 1..10. */
    public int code() {
        return code;
    }

    /**
     * The status with the national {@code code}.
     *
     * @throws IllegalArgumentException for a code outside 1..10
     */
    public static DossierStatus fromCode(int code) {
        for (DossierStatus status : values()) {
            if (status.code == code) {
                return status;
            }
        }
        throw new IllegalArgumentException("no dossier status has code " + code);
    }

    /** True when the dossier's life is over: no action applies any more. */
    public boolean isTerminal() {
        return switch (this) {
            case REFUSED, WITHDRAWN, STOPPED, RETURNED -> true;
            case NEW, RECEIVED, PROCESSING, SUPPLEMENT_REQUESTED, AWAITING_FINANCIAL_OBLIGATION, DONE -> false;
        };
    }

    /**
     * True when the office has finished its work: the result is ready or returned, or the dossier ended
     * otherwise. Such a dossier can no longer become overdue.
     */
    public boolean isSettled() {
        return this == DONE || isTerminal();
    }

    /**
     * True while the dossier waits for the applicant (supplement, payment). The law does not count that
     * time against the office; callers that move the due date when the applicant answers use this.
     */
    public boolean isWaitingForApplicant() {
        return this == SUPPLEMENT_REQUESTED || this == AWAITING_FINANCIAL_OBLIGATION;
    }

    @Override
    public String displayName(Locale locale) {
        return Texts.format(LABELS, "status." + name(), locale);
    }
}
