package org.motcua.core.lifecycle;

import static org.motcua.core.lifecycle.DossierAction.COLLECT_IN_FIELD;
import static org.motcua.core.lifecycle.DossierAction.EXTEND_DEADLINE;
import static org.motcua.core.lifecycle.DossierAction.FINANCIAL_OBLIGATION_MET;
import static org.motcua.core.lifecycle.DossierAction.FORWARD_WITHIN_PROCESSING;
import static org.motcua.core.lifecycle.DossierAction.HAND_OVER_FOR_PROCESSING;
import static org.motcua.core.lifecycle.DossierAction.MARK_DONE;
import static org.motcua.core.lifecycle.DossierAction.RECEIVE;
import static org.motcua.core.lifecycle.DossierAction.REFUSE;
import static org.motcua.core.lifecycle.DossierAction.REQUEST_SUPPLEMENT;
import static org.motcua.core.lifecycle.DossierAction.REQUIRE_FINANCIAL_OBLIGATION;
import static org.motcua.core.lifecycle.DossierAction.RETURN_RESULT;
import static org.motcua.core.lifecycle.DossierAction.STOP;
import static org.motcua.core.lifecycle.DossierAction.SUPPLEMENT_RECEIVED;
import static org.motcua.core.lifecycle.DossierAction.WITHDRAW;
import static org.motcua.core.lifecycle.DossierStatus.AWAITING_FINANCIAL_OBLIGATION;
import static org.motcua.core.lifecycle.DossierStatus.DONE;
import static org.motcua.core.lifecycle.DossierStatus.NEW;
import static org.motcua.core.lifecycle.DossierStatus.PROCESSING;
import static org.motcua.core.lifecycle.DossierStatus.RECEIVED;
import static org.motcua.core.lifecycle.DossierStatus.REFUSED;
import static org.motcua.core.lifecycle.DossierStatus.RETURNED;
import static org.motcua.core.lifecycle.DossierStatus.STOPPED;
import static org.motcua.core.lifecycle.DossierStatus.SUPPLEMENT_REQUESTED;
import static org.motcua.core.lifecycle.DossierStatus.WITHDRAWN;
import static org.motcua.core.lifecycle.Role.COMMUNITY_ASSISTANT;
import static org.motcua.core.lifecycle.Role.LEADER;
import static org.motcua.core.lifecycle.Role.PROCESSING_OFFICER;
import static org.motcua.core.lifecycle.Role.RECEIVING_OFFICER;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The dossier state machine: which action takes which status to which status, and who may take it.
 *
 * <pre>
 * from                  action                        to                    roles
 * (none: opening)       COLLECT_IN_FIELD              NEW                   community assistant, receiving officer
 * (none: opening)       RECEIVE                       RECEIVED              receiving officer
 * (none: opening)       REFUSE                        REFUSED               receiving officer
 * NEW                   RECEIVE                       RECEIVED              receiving officer
 * NEW                   REFUSE                        REFUSED               receiving officer
 * NEW                   REQUEST_SUPPLEMENT            SUPPLEMENT_REQUESTED  receiving officer
 * NEW                   WITHDRAW                      WITHDRAWN             receiving officer
 * RECEIVED              HAND_OVER_FOR_PROCESSING      PROCESSING            receiving officer
 * RECEIVED              WITHDRAW                      WITHDRAWN             receiving officer
 * PROCESSING            FORWARD_WITHIN_PROCESSING     PROCESSING            processing officer, leader
 * PROCESSING            REQUEST_SUPPLEMENT            SUPPLEMENT_REQUESTED  processing officer, leader
 * PROCESSING            REQUIRE_FINANCIAL_OBLIGATION  AWAITING_FIN._OBL.    processing officer, leader
 * PROCESSING            MARK_DONE                     DONE                  processing officer, leader
 * PROCESSING            STOP                          STOPPED               leader
 * PROCESSING            WITHDRAW                      WITHDRAWN             receiving officer
 * SUPPLEMENT_REQUESTED  SUPPLEMENT_RECEIVED           RECEIVED              receiving officer
 * SUPPLEMENT_REQUESTED  STOP                          STOPPED               leader
 * SUPPLEMENT_REQUESTED  WITHDRAW                      WITHDRAWN             receiving officer
 * AWAITING_FIN._OBL.    FINANCIAL_OBLIGATION_MET      PROCESSING            receiving officer, processing officer, leader
 * AWAITING_FIN._OBL.    STOP                          STOPPED               leader
 * AWAITING_FIN._OBL.    WITHDRAW                      WITHDRAWN             receiving officer
 * DONE                  RETURN_RESULT                 RETURNED              receiving officer
 * REFUSED, WITHDRAWN, STOPPED, RETURNED: terminal, no action.
 * </pre>
 *
 * <p>Why: the one-stop desk is the only door to the applicant (it receives, refuses, takes supplements,
 * withdrawals and returns results); processing officers and leaders decide; only a leader stops; the
 * community team helps file but never takes a decision; the administrator takes no dossier action.
 * Everything not in the table is refused with an {@link IllegalTransitionException}.
 */
public final class DossierLifecycle {

    private static final DossierLifecycle STANDARD = new DossierLifecycle();

    /** Actions that create a dossier, with the status they create and who may take them. */
    private final Map<DossierAction, Step> opening = new EnumMap<>(DossierAction.class);
    private final Map<DossierStatus, Map<DossierAction, Step>> steps = new EnumMap<>(DossierStatus.class);

    /** Where an action leads and who may take it. */
    private record Step(DossierStatus to, Set<Role> roles) {
    }

    private DossierLifecycle() {
        for (DossierStatus status : DossierStatus.values()) {
            steps.put(status, new EnumMap<>(DossierAction.class));
        }
        opening.put(COLLECT_IN_FIELD, step(NEW, COMMUNITY_ASSISTANT, RECEIVING_OFFICER));
        opening.put(RECEIVE, step(RECEIVED, RECEIVING_OFFICER));
        opening.put(REFUSE, step(REFUSED, RECEIVING_OFFICER));

        add(NEW, RECEIVE, RECEIVED, RECEIVING_OFFICER);
        add(NEW, REFUSE, REFUSED, RECEIVING_OFFICER);
        add(NEW, REQUEST_SUPPLEMENT, SUPPLEMENT_REQUESTED, RECEIVING_OFFICER);
        add(NEW, WITHDRAW, WITHDRAWN, RECEIVING_OFFICER);

        add(RECEIVED, HAND_OVER_FOR_PROCESSING, PROCESSING, RECEIVING_OFFICER);
        add(RECEIVED, WITHDRAW, WITHDRAWN, RECEIVING_OFFICER);
        add(RECEIVED, EXTEND_DEADLINE, RECEIVED, RECEIVING_OFFICER);

        add(PROCESSING, FORWARD_WITHIN_PROCESSING, PROCESSING, PROCESSING_OFFICER, LEADER);
        add(PROCESSING, REQUEST_SUPPLEMENT, SUPPLEMENT_REQUESTED, PROCESSING_OFFICER, LEADER);
        add(PROCESSING, REQUIRE_FINANCIAL_OBLIGATION, AWAITING_FINANCIAL_OBLIGATION, PROCESSING_OFFICER, LEADER);
        add(PROCESSING, MARK_DONE, DONE, PROCESSING_OFFICER, LEADER);
        add(PROCESSING, STOP, STOPPED, LEADER);
        add(PROCESSING, EXTEND_DEADLINE, PROCESSING, PROCESSING_OFFICER, LEADER);
        add(PROCESSING, WITHDRAW, WITHDRAWN, RECEIVING_OFFICER);

        add(SUPPLEMENT_REQUESTED, SUPPLEMENT_RECEIVED, RECEIVED, RECEIVING_OFFICER);
        add(SUPPLEMENT_REQUESTED, STOP, STOPPED, LEADER);
        add(SUPPLEMENT_REQUESTED, WITHDRAW, WITHDRAWN, RECEIVING_OFFICER);

        add(AWAITING_FINANCIAL_OBLIGATION, FINANCIAL_OBLIGATION_MET, PROCESSING,
                RECEIVING_OFFICER, PROCESSING_OFFICER, LEADER);
        add(AWAITING_FINANCIAL_OBLIGATION, STOP, STOPPED, LEADER);
        add(AWAITING_FINANCIAL_OBLIGATION, WITHDRAW, WITHDRAWN, RECEIVING_OFFICER);

        add(DONE, RETURN_RESULT, RETURNED, RECEIVING_OFFICER);
    }

    /** The national one-stop rules described above. */
    public static DossierLifecycle standard() {
        return STANDARD;
    }

    /**
     * The status of a new dossier created by {@code action}.
     *
     * @throws IllegalTransitionException when the action cannot create a dossier or the role may not take it
     */
    public DossierStatus open(DossierAction action, Role role) {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(role, "role");
        Step step = opening.get(action);
        if (step == null) {
            throw new IllegalTransitionException(null, action, role, IllegalTransitionException.Reason.NOT_AN_OPENING_ACTION);
        }
        if (!step.roles().contains(role)) {
            throw new IllegalTransitionException(null, action, role, IllegalTransitionException.Reason.ROLE_NOT_ALLOWED);
        }
        return step.to();
    }

    /**
     * The status after {@code role} takes {@code action} on a dossier in status {@code from}.
     *
     * @throws IllegalTransitionException when the status is terminal, the action does not apply to it, or
     *                                    the role may not take it
     */
    public DossierStatus next(DossierStatus from, DossierAction action, Role role) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(role, "role");
        if (from.isTerminal()) {
            throw new IllegalTransitionException(from, action, role, IllegalTransitionException.Reason.TERMINAL_STATUS);
        }
        Step step = steps.get(from).get(action);
        if (step == null) {
            throw new IllegalTransitionException(from, action, role, IllegalTransitionException.Reason.NOT_FROM_THIS_STATUS);
        }
        if (!step.roles().contains(role)) {
            throw new IllegalTransitionException(from, action, role, IllegalTransitionException.Reason.ROLE_NOT_ALLOWED);
        }
        return step.to();
    }

    /** True when {@code role} may take {@code action} on a dossier in status {@code from}. */
    public boolean isAllowed(DossierStatus from, DossierAction action, Role role) {
        Step step = steps.get(from).get(action);
        return step != null && step.roles().contains(role);
    }

    /** The actions {@code role} may take on a dossier in {@code status}, in declaration order: the buttons to show. */
    public Set<DossierAction> allowedActions(DossierStatus status, Role role) {
        Set<DossierAction> allowed = EnumSet.noneOf(DossierAction.class);
        steps.get(status).forEach((action, step) -> {
            if (step.roles().contains(role)) {
                allowed.add(action);
            }
        });
        return Collections.unmodifiableSet(allowed);
    }

    /** The actions with which {@code role} may create a dossier. */
    public Set<DossierAction> openingActions(Role role) {
        Set<DossierAction> allowed = EnumSet.noneOf(DossierAction.class);
        opening.forEach((action, step) -> {
            if (step.roles().contains(role)) {
                allowed.add(action);
            }
        });
        return Collections.unmodifiableSet(allowed);
    }

    /** The status {@code action} leads to from {@code from}, whoever takes it; empty when it does not apply. */
    public Optional<DossierStatus> target(DossierStatus from, DossierAction action) {
        return Optional.ofNullable(steps.get(from).get(action)).map(Step::to);
    }

    /** The roles that may take {@code action} from {@code from}; empty when the action does not apply. */
    public Set<Role> rolesFor(DossierStatus from, DossierAction action) {
        Step step = steps.get(from).get(action);
        return step == null ? Set.of() : step.roles();
    }

    private void add(DossierStatus from, DossierAction action, DossierStatus to, Role... roles) {
        steps.get(from).put(action, step(to, roles));
    }

    private static Step step(DossierStatus to, Role... roles) {
        EnumSet<Role> set = EnumSet.noneOf(Role.class);
        Collections.addAll(set, roles);
        return new Step(to, Collections.unmodifiableSet(set));
    }
}
