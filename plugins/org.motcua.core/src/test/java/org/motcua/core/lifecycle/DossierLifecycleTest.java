package org.motcua.core.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class DossierLifecycleTest {

    private static final DossierLifecycle LIFECYCLE = DossierLifecycle.standard();
    private static final Locale VI = Locale.forLanguageTag("vi-VN");

    /**
     * The rules, written out independently of the implementation: from, action, to, roles.
     * RO receiving officer, PO processing officer, L leader, CA community assistant. "-" opens a dossier.
     */
    private static final String RULES = """
            -                              COLLECT_IN_FIELD              NEW                            CA RO
            -                              RECEIVE                       RECEIVED                       RO
            -                              REFUSE                        REFUSED                        RO
            NEW                            RECEIVE                       RECEIVED                       RO
            NEW                            REFUSE                        REFUSED                        RO
            NEW                            REQUEST_SUPPLEMENT            SUPPLEMENT_REQUESTED           RO
            NEW                            WITHDRAW                      WITHDRAWN                      RO
            RECEIVED                       HAND_OVER_FOR_PROCESSING      PROCESSING                     RO
            RECEIVED                       WITHDRAW                      WITHDRAWN                      RO
            RECEIVED                       EXTEND_DEADLINE               RECEIVED                       RO
            PROCESSING                     FORWARD_WITHIN_PROCESSING     PROCESSING                     PO L
            PROCESSING                     REQUEST_SUPPLEMENT            SUPPLEMENT_REQUESTED           PO L
            PROCESSING                     REQUIRE_FINANCIAL_OBLIGATION  AWAITING_FINANCIAL_OBLIGATION  PO L
            PROCESSING                     MARK_DONE                     DONE                           PO L
            PROCESSING                     STOP                          STOPPED                        L
            PROCESSING                     EXTEND_DEADLINE               PROCESSING                     PO L
            PROCESSING                     WITHDRAW                      WITHDRAWN                      RO
            SUPPLEMENT_REQUESTED           SUPPLEMENT_RECEIVED           RECEIVED                       RO
            SUPPLEMENT_REQUESTED           STOP                          STOPPED                        L
            SUPPLEMENT_REQUESTED           WITHDRAW                      WITHDRAWN                      RO
            AWAITING_FINANCIAL_OBLIGATION  FINANCIAL_OBLIGATION_MET      PROCESSING                     RO PO L
            AWAITING_FINANCIAL_OBLIGATION  STOP                          STOPPED                        L
            AWAITING_FINANCIAL_OBLIGATION  WITHDRAW                      WITHDRAWN                      RO
            DONE                           RETURN_RESULT                 RETURNED                       RO
            """;

    private record Rule(DossierStatus to, Set<Role> roles) {
    }

    /** Key: from status name or "-", then the action. */
    private static final Map<String, Rule> TABLE = parseRules();

    private static Map<String, Rule> parseRules() {
        Map<String, Role> roles = Map.of("RO", Role.RECEIVING_OFFICER, "PO", Role.PROCESSING_OFFICER,
                "L", Role.LEADER, "CA", Role.COMMUNITY_ASSISTANT);
        Map<String, Rule> table = new HashMap<>();
        for (String line : RULES.strip().split("\n")) {
            String[] cells = line.trim().split("\\s+");
            Set<Role> allowed = EnumSet.noneOf(Role.class);
            for (int i = 3; i < cells.length; i++) {
                allowed.add(roles.get(cells[i]));
            }
            table.put(cells[0] + " " + cells[1], new Rule(DossierStatus.valueOf(cells[2]), allowed));
        }
        return table;
    }

    private static Optional<Rule> rule(DossierStatus from, DossierAction action) {
        return Optional.ofNullable(TABLE.get((from == null ? "-" : from.name()) + " " + action.name()));
    }

    static Stream<Arguments> everyTriple() {
        List<Arguments> triples = new ArrayList<>();
        for (DossierStatus status : DossierStatus.values()) {
            for (DossierAction action : DossierAction.values()) {
                for (Role role : Role.values()) {
                    triples.add(Arguments.of(status, action, role));
                }
            }
        }
        return triples.stream();
    }

    static Stream<Arguments> everyOpening() {
        List<Arguments> pairs = new ArrayList<>();
        for (DossierAction action : DossierAction.values()) {
            for (Role role : Role.values()) {
                pairs.add(Arguments.of(action, role));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} {1} by {2}")
    @MethodSource("everyTriple")
    void everyStatusActionRoleTriple(DossierStatus from, DossierAction action, Role role) {
        Optional<Rule> rule = rule(from, action);
        boolean allowed = rule.isPresent() && rule.get().roles().contains(role);
        assertEquals(allowed, LIFECYCLE.isAllowed(from, action, role));
        assertEquals(allowed, LIFECYCLE.allowedActions(from, role).contains(action));
        assertEquals(rule.map(Rule::to), LIFECYCLE.target(from, action));
        if (allowed) {
            assertEquals(rule.get().to(), LIFECYCLE.next(from, action, role));
            return;
        }
        IllegalTransitionException e =
                assertThrows(IllegalTransitionException.class, () -> LIFECYCLE.next(from, action, role));
        IllegalTransitionException.Reason expected = from.isTerminal() ? IllegalTransitionException.Reason.TERMINAL_STATUS
                : rule.isEmpty() ? IllegalTransitionException.Reason.NOT_FROM_THIS_STATUS
                : IllegalTransitionException.Reason.ROLE_NOT_ALLOWED;
        assertEquals(expected, e.reason());
        assertEquals(Optional.of(from), e.from());
        assertEquals(action, e.action());
        assertEquals(role, e.role());
        assertEquals(expected.code(), e.violations().get(0).code());
        assertFalse(e.messages(VI).contains("{"), e.messages(VI));
    }

    @ParameterizedTest(name = "open by {0} as {1}")
    @MethodSource("everyOpening")
    void everyOpeningPair(DossierAction action, Role role) {
        Optional<Rule> rule = rule(null, action);
        boolean allowed = rule.isPresent() && rule.get().roles().contains(role);
        assertEquals(allowed, LIFECYCLE.openingActions(role).contains(action));
        if (allowed) {
            assertEquals(rule.get().to(), LIFECYCLE.open(action, role));
        } else {
            IllegalTransitionException e = assertThrows(IllegalTransitionException.class, () -> LIFECYCLE.open(action, role));
            assertEquals(Optional.empty(), e.from());
            assertEquals(rule.isEmpty() ? IllegalTransitionException.Reason.NOT_AN_OPENING_ACTION
                    : IllegalTransitionException.Reason.ROLE_NOT_ALLOWED, e.reason());
        }
    }

    @Test
    void communityAssistantOnlyCollectsInTheField() {
        assertEquals(Set.of(DossierAction.COLLECT_IN_FIELD), LIFECYCLE.openingActions(Role.COMMUNITY_ASSISTANT));
        for (DossierStatus status : DossierStatus.values()) {
            assertEquals(Set.of(), LIFECYCLE.allowedActions(status, Role.COMMUNITY_ASSISTANT), status.toString());
            assertThrows(IllegalTransitionException.class,
                    () -> LIFECYCLE.next(status, DossierAction.REFUSE, Role.COMMUNITY_ASSISTANT));
            assertThrows(IllegalTransitionException.class,
                    () -> LIFECYCLE.next(status, DossierAction.MARK_DONE, Role.COMMUNITY_ASSISTANT));
            assertThrows(IllegalTransitionException.class,
                    () -> LIFECYCLE.next(status, DossierAction.RECEIVE, Role.COMMUNITY_ASSISTANT));
            assertThrows(IllegalTransitionException.class,
                    () -> LIFECYCLE.next(status, DossierAction.RETURN_RESULT, Role.COMMUNITY_ASSISTANT));
        }
        assertThrows(IllegalTransitionException.class, () -> LIFECYCLE.open(DossierAction.REFUSE, Role.COMMUNITY_ASSISTANT));
        assertThrows(IllegalTransitionException.class, () -> LIFECYCLE.open(DossierAction.RECEIVE, Role.COMMUNITY_ASSISTANT));
    }

    @Test
    void adminTakesNoDossierAction() {
        assertEquals(Set.of(), LIFECYCLE.openingActions(Role.ADMIN));
        for (DossierStatus status : DossierStatus.values()) {
            assertEquals(Set.of(), LIFECYCLE.allowedActions(status, Role.ADMIN));
        }
    }

    @Test
    void leaderDoesWhatProcessingOfficersDoPlusStop() {
        for (DossierStatus status : DossierStatus.values()) {
            Set<DossierAction> leader = LIFECYCLE.allowedActions(status, Role.LEADER);
            Set<DossierAction> officer = LIFECYCLE.allowedActions(status, Role.PROCESSING_OFFICER);
            assertTrue(leader.containsAll(officer), status.toString());
            Set<DossierAction> extra = EnumSet.noneOf(DossierAction.class);
            extra.addAll(leader);
            extra.removeAll(officer);
            assertTrue(extra.isEmpty() || extra.equals(Set.of(DossierAction.STOP)), status + ": " + extra);
        }
    }

    @ParameterizedTest
    @EnumSource(DossierStatus.class)
    void terminalStatusesAcceptNoActionAndOthersAcceptSome(DossierStatus status) {
        boolean anyAction = false;
        for (Role role : Role.values()) {
            anyAction |= !LIFECYCLE.allowedActions(status, role).isEmpty();
        }
        assertEquals(!status.isTerminal(), anyAction);
        if (status.isTerminal()) {
            for (DossierAction action : DossierAction.values()) {
                for (Role role : Role.values()) {
                    IllegalTransitionException e =
                            assertThrows(IllegalTransitionException.class, () -> LIFECYCLE.next(status, action, role));
                    assertEquals(IllegalTransitionException.Reason.TERMINAL_STATUS, e.reason());
                }
            }
        }
    }

    @Test
    void randomWalksStayInsideTheModelAndReachEveryStatus() {
        Random random = new Random(10_000L);
        Set<DossierStatus> seen = EnumSet.noneOf(DossierStatus.class);
        int finished = 0;
        for (int walk = 0; walk < 5_000; walk++) {
            List<Object[]> openings = new ArrayList<>();
            for (Role role : Role.values()) {
                LIFECYCLE.openingActions(role).forEach(a -> openings.add(new Object[] {a, role}));
            }
            Object[] first = openings.get(random.nextInt(openings.size()));
            DossierStatus status = LIFECYCLE.open((DossierAction) first[0], (Role) first[1]);
            for (int step = 0; step < 60; step++) {
                seen.add(status);
                List<Object[]> choices = new ArrayList<>();
                for (Role role : Role.values()) {
                    LIFECYCLE.allowedActions(status, role).forEach(a -> choices.add(new Object[] {a, role}));
                }
                if (choices.isEmpty()) {
                    assertTrue(status.isTerminal(), "dead end in a non-terminal status: " + status);
                    finished++;
                    break;
                }
                Object[] choice = choices.get(random.nextInt(choices.size()));
                DossierStatus before = status;
                status = LIFECYCLE.next(status, (DossierAction) choice[0], (Role) choice[1]);
                assertEquals(rule(before, (DossierAction) choice[0]).orElseThrow().to(), status);
                assertEquals(status, DossierStatus.fromCode(status.code()));
            }
        }
        assertEquals(EnumSet.allOf(DossierStatus.class), seen);
        assertTrue(finished > 4_000, "most walks should end in a terminal status: " + finished);
    }

    @Test
    void refusalMessageNamesStatusActionAndRoleInVietnamese() {
        IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
                () -> LIFECYCLE.next(DossierStatus.NEW, DossierAction.REFUSE, Role.COMMUNITY_ASSISTANT));
        assertEquals("Vai trò “Tổ công nghệ số cộng đồng” không được phép “Từ chối tiếp nhận” đối với hồ sơ "
                + "ở trạng thái “Mới đăng ký”.", e.messages(VI));
        assertEquals("The role \"Digital community team\" may not do \"Refuse\" on a dossier that is \"New\".",
                e.messages(Locale.ENGLISH));

        IllegalTransitionException terminal = assertThrows(IllegalTransitionException.class,
                () -> LIFECYCLE.next(DossierStatus.RETURNED, DossierAction.RECEIVE, Role.RECEIVING_OFFICER));
        assertEquals("Hồ sơ ở trạng thái “Đã trả kết quả”, quá trình giải quyết đã kết thúc nên không thể "
                + "“Tiếp nhận hồ sơ”.", terminal.messages(VI));

        IllegalTransitionException opening = assertThrows(IllegalTransitionException.class,
                () -> LIFECYCLE.open(DossierAction.COLLECT_IN_FIELD, Role.LEADER));
        assertEquals("Vai trò “Lãnh đạo” không được phép tạo hồ sơ bằng thao tác “Thu nhận hồ sơ tại cơ sở”.",
                opening.messages(VI));
    }
}
