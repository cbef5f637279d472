package dev.iamsteward.request;

import dev.iamsteward.account.Catalog;
import dev.iamsteward.audit.AuditLog;
import dev.iamsteward.common.Caller;
import dev.iamsteward.common.ETags;
import dev.iamsteward.common.ErrorKind;
import dev.iamsteward.common.Roles;
import dev.iamsteward.common.StewardException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Changes to a request while it waits: the requester amends or cancels it, anyone involved has its plan made
 * again, and people comment. A change to what approvers sign voids their approvals.
 */
@ApplicationScoped
public class RequestChanges {

    private final RequestService requests;
    private final RequestPlanner planner;
    private final Catalog catalog;
    private final ApprovalPolicy policy;
    private final Validator validator;
    private final AuditLog audit;
    private final Clock clock;

    RequestChanges(RequestService requests, RequestPlanner planner, Catalog catalog, ApprovalPolicy policy,
            Validator validator, AuditLog audit, Clock clock) {
        this.requests = requests;
        this.planner = planner;
        this.catalog = catalog;
        this.policy = policy;
        this.validator = validator;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public RequestView amend(UUID id, AmendRequest amendment, Caller caller, String ifMatch) {
        if (amendment.empty()) {
            throw StewardException.invalid("name at least one field to change");
        }
        AccessRequest request = pending(id, caller, ifMatch);
        if (!caller.name().equals(request.requester)) {
            throw new StewardException(ErrorKind.FORBIDDEN, "only the requester may change a request");
        }
        SubmitRequest amended = amendment.applyTo(request.asSubmission());
        Set<ConstraintViolation<SubmitRequest>> violations = validator.validate(amended);
        if (!violations.isEmpty()) {
            throw StewardException.invalid(violations.stream().map(ConstraintViolation::getMessage).sorted()
                    .collect(Collectors.joining("; ")));
        }
        amended.refuseFieldsOfOtherTypes();
        request.take(amended);
        planner.plan(request);
        if (amended.profile() != null) {
            request.risk = catalog.profile(request.account, amended.profile()).risk().name();
            request.approval = policy.match(request.account, request.type, request.risk).requirement();
        }
        request.unmeetableApproval().ifPresent(why -> {
            throw new StewardException(ErrorKind.UNMEETABLE_APPROVAL, why);
        });
        Instant now = clock.instant();
        int voided = request.replanned("the requester changed the request", now);
        audit.record(new StatusChange(request.id, request.account, request.status, request.status, caller.name(), now,
                "amended; " + voided + " decision(s) voided").audit("request.amended"));
        return requests.view(request);
    }

    /** Makes the plan again against IAM as it is now; approvals are voided only if the plan changed. */
    @Transactional
    public RequestView replan(UUID id, Caller caller, String ifMatch) {
        AccessRequest request = pending(id, caller, ifMatch);
        if (!caller.name().equals(request.requester) && !caller.has(Roles.APPROVER) && !caller.has(Roles.ADMIN)) {
            throw new StewardException(ErrorKind.FORBIDDEN, "only the requester, approvers and admins may re-plan");
        }
        planner.plan(request);
        Instant now = clock.instant();
        int voided = request.replanned("the plan was made again against IAM's current state and changed", now);
        audit.record(new StatusChange(request.id, request.account, request.status, request.status, caller.name(), now,
                voided > 0 ? "plan changed; " + voided + " decision(s) voided" : "plan unchanged")
                .audit("request.replanned"));
        return requests.view(request);
    }

    @Transactional
    public RequestView cancel(UUID id, Caller caller, String ifMatch) {
        AccessRequest request = pending(id, caller, ifMatch);
        audit.record(request.cancel(caller.name(), "cancelled by the requester", clock.instant())
                .audit("request.cancelled"));
        return requests.view(request);
    }

    /** A comment by someone involved: the requester, the user's owner, an approver or an admin. */
    @Transactional
    public RequestView comment(UUID id, CommentRequest body, Caller caller) {
        AccessRequest request = RequestAccess.visible(id, caller, true);
        if (!caller.has(Roles.APPROVER) && !caller.has(Roles.ADMIN) && !caller.name().equals(request.requester)
                && !caller.name().equals(request.owner) && !caller.name().equals(request.requesterManager)) {
            throw new StewardException(ErrorKind.FORBIDDEN, "only people involved in the request may comment");
        }
        Instant now = clock.instant();
        request.comments.add(new Comment(request, caller.name(), body.text(), now));
        audit.record(new StatusChange(request.id, request.account, request.status, request.status, caller.name(),
                now, body.text()).audit("request.commented"));
        return requests.view(request);
    }

    private AccessRequest pending(UUID id, Caller caller, String ifMatch) {
        AccessRequest request = RequestAccess.visible(id, caller, true);
        ETags.check(ifMatch, request.version);
        if (request.pendingExpired(clock.instant())) {
            throw new StewardException(ErrorKind.ILLEGAL_TRANSITION, "the request expired at " + request.pendingUntil);
        }
        if (request.status != RequestStatus.PENDING_APPROVAL) {
            throw new StewardException(ErrorKind.ILLEGAL_TRANSITION,
                    "only a pending request can change; this one is " + request.status);
        }
        return request;
    }
}
