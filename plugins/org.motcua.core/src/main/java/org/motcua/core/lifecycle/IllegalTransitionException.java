package org.motcua.core.lifecycle;

import java.util.Objects;
import java.util.Optional;
import org.motcua.core.validation.ValidationException;
import org.motcua.core.validation.Violation;

/**
 * An action refused by {@link DossierLifecycle}. It is a {@link ValidationException}, so a form that
 * already shows validation messages shows this one too; its single {@link Violation} (field
 * {@code action}) has a stable code per {@link Reason} and a Vietnamese message naming the status, the
 * action and the role.
 */
public class IllegalTransitionException extends ValidationException {

    private static final long serialVersionUID = 1L;

    /** Why the action was refused; each has its message code. */
    public enum Reason {
        /** The dossier's life is over (refused, withdrawn, stopped, result returned). */
        TERMINAL_STATUS("lifecycle.terminal"),
        /** The action does not apply to the dossier's status. */
        NOT_FROM_THIS_STATUS("lifecycle.notFromStatus"),
        /** The action applies, but not for this role. */
        ROLE_NOT_ALLOWED("lifecycle.roleNotAllowed"),
        /** The action cannot create a dossier. */
        NOT_AN_OPENING_ACTION("lifecycle.notOpening");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private final DossierStatus from;
    private final DossierAction action;
    private final Role role;
    private final Reason reason;

    IllegalTransitionException(DossierStatus from, DossierAction action, Role role, Reason reason) {
        super(violation(from, action, role, reason));
        this.from = from;
        this.action = Objects.requireNonNull(action);
        this.role = Objects.requireNonNull(role);
        this.reason = Objects.requireNonNull(reason);
    }

    /** The dossier's status; empty when the action was meant to create the dossier. */
    public Optional<DossierStatus> from() {
        return Optional.ofNullable(from);
    }

    public DossierAction action() {
        return action;
    }

    public Role role() {
        return role;
    }

    public Reason reason() {
        return reason;
    }

    private static Violation violation(DossierStatus from, DossierAction action, Role role, Reason reason) {
        String code = reason == Reason.ROLE_NOT_ALLOWED && from == null ? "lifecycle.openingRoleNotAllowed" : reason.code();
        // Arguments always in the order action, role, status, so every message can use any of them.
        return from == null ? Violation.of("action", code, action, role) : Violation.of("action", code, action, role, from);
    }
}
