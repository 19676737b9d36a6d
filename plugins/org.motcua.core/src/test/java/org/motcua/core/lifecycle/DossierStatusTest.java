package org.motcua.core.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DossierStatusTest {

    private static final Locale VI = Locale.forLanguageTag("vi-VN");

    @ParameterizedTest(name = "{1} = {0}")
    @CsvSource({
        "1,NEW,Mới đăng ký,false", "2,RECEIVED,Được tiếp nhận,false", "3,REFUSED,Không được tiếp nhận,true",
        "4,PROCESSING,Đang xử lý,false", "5,SUPPLEMENT_REQUESTED,Yêu cầu bổ sung,false",
        "6,AWAITING_FINANCIAL_OBLIGATION,Chờ thực hiện nghĩa vụ tài chính,false",
        "7,WITHDRAWN,Rút hồ sơ theo yêu cầu,true", "8,STOPPED,Dừng xử lý,true",
        "9,DONE,Đã xử lý xong,false", "10,RETURNED,Đã trả kết quả,true"})
    void nationalCodesAndNames(int code, DossierStatus status, String vietnamese, boolean terminal) {
        assertEquals(code, status.code());
        assertEquals(status, DossierStatus.fromCode(code));
        assertEquals(vietnamese, status.displayName(VI));
        assertEquals(terminal, status.isTerminal());
        assertFalse(status.displayName(Locale.ENGLISH).startsWith("status."));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 11, 99})
    void unknownCodesAreRefused(int code) {
        assertThrows(IllegalArgumentException.class, () -> DossierStatus.fromCode(code));
    }

    @Test
    void rolesAndActionsHaveVietnameseNames() {
        assertEquals("Cán bộ tiếp nhận", Role.RECEIVING_OFFICER.displayName(VI));
        assertEquals("Cán bộ xử lý", Role.PROCESSING_OFFICER.displayName(VI));
        assertEquals("Lãnh đạo", Role.LEADER.displayName(VI));
        assertEquals("Tổ công nghệ số cộng đồng", Role.COMMUNITY_ASSISTANT.displayName(VI));
        assertEquals("Quản trị", Role.ADMIN.displayName(VI));
        assertEquals("Withdrawn at the applicant's request", DossierStatus.WITHDRAWN.displayName(Locale.ENGLISH));
        for (DossierAction action : DossierAction.values()) {
            assertFalse(action.displayName(VI).startsWith("action."), action.toString());
            assertFalse(action.displayName(Locale.ENGLISH).startsWith("action."), action.toString());
        }
        for (Role role : Role.values()) {
            assertFalse(role.displayName(Locale.ENGLISH).startsWith("role."), role.toString());
        }
    }
}
