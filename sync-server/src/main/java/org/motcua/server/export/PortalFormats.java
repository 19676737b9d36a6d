package org.motcua.server.export;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.motcua.protocol.codec.WireFormats;

/** How the national portal writes what our events carry: its dates, status codes and wording. */
final class PortalFormats {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter PORTAL_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(VIETNAM);

    /** The portal's national status list (domain.md), 1–10. */
    private static final Map<Integer, String> STATUSES = Map.of(1, "Mới đăng ký", 2, "Được tiếp nhận", 3, "Không được tiếp nhận",
            4, "Đang xử lý", 5, "Yêu cầu bổ sung", 6, "Chờ thực hiện nghĩa vụ tài chính", 7, "Công dân yêu cầu rút hồ sơ",
            8, "Dừng xử lý", 9, "Đã xử lý xong", 10, "Đã trả kết quả");

    /** What each desk action did, as the progress record's NoiDungXuLy says it. */
    private static final Map<String, String> ACTIONS = Map.ofEntries(Map.entry("COLLECT_IN_FIELD", "Thu nhận hồ sơ tại cơ sở"),
            Map.entry("RECEIVE", "Tiếp nhận hồ sơ"), Map.entry("REFUSE", "Từ chối tiếp nhận hồ sơ"),
            Map.entry("HAND_OVER_FOR_PROCESSING", "Chuyển hồ sơ đến bộ phận giải quyết"),
            Map.entry("FORWARD_WITHIN_PROCESSING", "Chuyển xử lý trong bộ phận giải quyết"),
            Map.entry("REQUEST_SUPPLEMENT", "Yêu cầu bổ sung, hoàn thiện hồ sơ"),
            Map.entry("EXTEND_DEADLINE", "Gia hạn thời gian giải quyết"), Map.entry("SUPPLEMENT_RECEIVED", "Tiếp nhận hồ sơ bổ sung"),
            Map.entry("REQUIRE_FINANCIAL_OBLIGATION", "Yêu cầu thực hiện nghĩa vụ tài chính"),
            Map.entry("FINANCIAL_OBLIGATION_MET", "Đã thực hiện nghĩa vụ tài chính"),
            Map.entry("WITHDRAW", "Rút hồ sơ theo yêu cầu của tổ chức, cá nhân"), Map.entry("STOP", "Dừng giải quyết hồ sơ"),
            Map.entry("MARK_DONE", "Đã giải quyết xong, có kết quả"), Map.entry("RETURN_RESULT", "Trả kết quả"));

    /** The desk's document forms (the wire names) in the wording of the one-stop forms (core's labels_vi). */
    private static final Map<String, String> DOCUMENT_FORMS = Map.of("ORIGINAL", "Bản chính", "CERTIFIED_COPY",
            "Bản sao có chứng thực", "COPY", "Bản sao", "ORIGINAL_OR_CERTIFIED_COPY", "Bản chính hoặc bản sao có chứng thực",
            "ORIGINAL_SHOWN", "Bản chính (xuất trình để đối chiếu)", "ELECTRONIC", "Bản điện tử");

    private PortalFormats() {
    }

    /** A wire time ({@code 2025-05-31T08:15:30.123+07:00}) as the portal's {@code yyyyMMddHHmmss} in Vietnam; "" for none. */
    static String time(String wireTime) {
        return wireTime == null ? "" : PORTAL_TIME.format(WireFormats.parseTime(wireTime));
    }

    static String time(Instant instant) {
        return instant == null ? "" : PORTAL_TIME.format(instant);
    }

    /**
     * The national status code. Our events already carry the national codes (protocol §4.1 uses the same list); a code
     * outside 1–10 cannot pass the payload schema, so one here is a stored event the schema no longer accepts.
     */
    static int status(int code) {
        if (!STATUSES.containsKey(code)) {
            throw new IllegalArgumentException("not a national status code: " + code);
        }
        return code;
    }

    static String statusName(int code) {
        return STATUSES.get(status(code));
    }

    static String action(String action) {
        return ACTIONS.getOrDefault(action, action);
    }

    static String documentForm(String form) {
        return DOCUMENT_FORMS.getOrDefault(form, form);
    }
}
