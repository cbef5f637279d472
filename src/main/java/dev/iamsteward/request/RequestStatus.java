package dev.iamsteward.request;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of a request, all in one place:
 * PENDING_APPROVAL → APPROVED → EXECUTING → SUCCEEDED | FAILED, or PENDING_APPROVAL → REJECTED | CANCELLED |
 * EXPIRED (nobody decided in time). A request stays PENDING_APPROVAL while approvals gather to a quorum.
 * MFA enrolment waits for its owner between two steps: EXECUTING → AWAITING_MFA_CODES → EXECUTING.
 */
public enum RequestStatus {
    PENDING_APPROVAL,
    APPROVED,
    EXECUTING,
    AWAITING_MFA_CODES,
    SUCCEEDED,
    FAILED,
    REJECTED,
    CANCELLED,
    EXPIRED;

    public Set<RequestStatus> next() {
        return switch (this) {
            case PENDING_APPROVAL -> EnumSet.of(APPROVED, REJECTED, CANCELLED, EXPIRED);
            case APPROVED -> EnumSet.of(EXECUTING);
            case EXECUTING -> EnumSet.of(SUCCEEDED, FAILED, AWAITING_MFA_CODES);
            case AWAITING_MFA_CODES -> EnumSet.of(EXECUTING, FAILED);
            case SUCCEEDED, FAILED, REJECTED, CANCELLED, EXPIRED -> EnumSet.noneOf(RequestStatus.class);
        };
    }

    public boolean canMoveTo(RequestStatus target) {
        return next().contains(target);
    }

    public boolean terminal() {
        return next().isEmpty();
    }
}
