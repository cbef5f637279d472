package dev.iamsteward.request;

import dev.iamsteward.account.Catalog;
import dev.iamsteward.account.TargetAccount;
import dev.iamsteward.account.TargetAccounts;
import dev.iamsteward.audit.AuditLog;
import dev.iamsteward.common.Caller;
import dev.iamsteward.common.ErrorKind;
import dev.iamsteward.common.LogContext;
import dev.iamsteward.common.StewardException;
import dev.iamsteward.common.Traces;
import dev.iamsteward.credential.DeliveryService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/** Submits requests, from people and from the service itself, and shows them to those allowed to see them. */
@ApplicationScoped
public class RequestService {

    /** The rule under which the service ends time-bound access by itself. */
    public static final String TIME_BOUND_RULE = "time-bound-expiry";

    /** The rule under which the service files and approves the steps of an access key's rotation. */
    public static final String KEY_ROTATION_RULE = "key-rotation";

    private final RequestPlanner planner;
    private final Catalog catalog;
    private final TargetAccounts accounts;
    private final ApprovalPolicy policy;
    private final DeliveryService deliveries;
    private final AuditLog audit;
    private final ApprovedRequests approved;
    private final Clock clock;

    RequestService(RequestPlanner planner, Catalog catalog, TargetAccounts accounts, ApprovalPolicy policy,
            DeliveryService deliveries, AuditLog audit, ApprovedRequests approved, Clock clock) {
        this.planner = planner;
        this.catalog = catalog;
        this.accounts = accounts;
        this.policy = policy;
        this.deliveries = deliveries;
        this.audit = audit;
        this.approved = approved;
        this.clock = clock;
    }

    /** A person's request: planned, put under the rule that matches it, and approved at once if the rule says. */
    @Transactional
    public RequestView submit(SubmitRequest submission, Caller caller) {
        return submit(submission, caller, null);
    }

    /**
     * A person's request filed from a ticket ({@code ticket} null for one made through the API): the same
     * rules, and the request names its ticket.
     */
    @Transactional
    public RequestView submit(SubmitRequest submission, Caller caller, TicketLink ticket) {
        submission.refuseFieldsOfOtherTypes();
        Instant now = clock.instant();
        TargetAccount account = accounts.resolve(submission.account());
        LogContext.putAccount(account.accountId());
        AccessRequest request = AccessRequest.submit(account.id(), submission, caller.name(), caller.manager(), now);
        if (ticket != null) {
            request.linkTicket(ticket);
        }
        planner.plan(request);
        request.risk = submission.profile() == null ? submission.type().defaultRisk()
                : catalog.profile(account.settings(), submission.profile()).risk().name();
        ApprovalPolicy.Match rule = policy.match(request.account, request.type, request.risk);
        request.approval = rule.requirement();
        admit(request, now);
        boolean auto = switch (rule.autoApprove()) {
            case ALWAYS -> true;
            case OWNER -> caller.name().equals(request.owner);
            case NEVER -> false;
        };
        if (auto) {
            approve(request, "approved automatically under rule '" + rule.requirement().rule + "'"
                    + (rule.autoApprove() == ApprovalRequirement.AutoApprove.OWNER ? ": the requester owns the user"
                    : ""), now);
        }
        return view(request);
    }

    /**
     * A request the service files by itself, to end time-bound access: approved under the time-bound rule,
     * which the approval rules show, and executed like any other.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public AccessRequest submitForSystem(SubmitRequest submission, Instant now) {
        return submitForSystem(submission, TIME_BOUND_RULE, "time-bound access ended", now);
    }

    /**
     * A request the service files by itself under one of its own rules ({@code rule}), approved at once with
     * {@code why}, and executed like any other.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public AccessRequest submitForSystem(SubmitRequest submission, String rule, String why, Instant now) {
        return submitForSystem(submission, rule, why, now, null);
    }

    /** As above, planned from what the service already knows of the user ({@code known}, or null: read IAM). */
    @Transactional(Transactional.TxType.MANDATORY)
    public AccessRequest submitForSystem(SubmitRequest submission, String rule, String why, Instant now,
            KnownUser known) {
        return submitForSystem(submission, rule, planned -> why, now, known);
    }

    /** As above, the approval saying {@code why} in words made from the planned request, e.g. what its plan found. */
    @Transactional(Transactional.TxType.MANDATORY)
    public AccessRequest submitForSystem(SubmitRequest submission, String rule, Function<AccessRequest, String> why,
            Instant now, KnownUser known) {
        AccessRequest request = AccessRequest.submit(accounts.resolve(submission.account()).id(), submission,
                AccessRequest.SYSTEM, null, now);
        planner.plan(request, known);
        request.risk = "LOW";
        request.approval = new ApprovalRequirement(rule, 0, Set.of(), false, false);
        admit(request, now);
        approve(request, why.apply(request) + "; approved under rule '" + rule + "'", now);
        return request;
    }

    /**
     * Records, as {@code action}, a change a decision made (an approval, a rejection, a break-glass); when it
     * approved the request, its execution is queued in the same transaction. Every approval comes through here.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void decided(StatusChange change, String action) {
        audit.record(change.audit(action));
        if (change.to() == RequestStatus.APPROVED && change.from() != RequestStatus.APPROVED) {
            approved.execute(change.requestId());
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public RequestView get(UUID id, Caller caller) {
        return viewOf(RequestAccess.visible(id, caller, false));
    }

    /** The view of a request just changed, flushed first so that it shows the new version. */
    @Transactional(Transactional.TxType.MANDATORY)
    public RequestView view(AccessRequest request) {
        AccessRequest.getEntityManager().flush();
        return RequestView.of(request, deliveries.forRequest(request.id));
    }

    /** The view of a request that is only being read. */
    @Transactional(Transactional.TxType.SUPPORTS)
    RequestView viewOf(AccessRequest request) {
        return RequestView.of(request, deliveries.forRequest(request.id));
    }

    private void admit(AccessRequest request, Instant now) {
        request.replanned("planned", now);
        request.pendingUntil = now.plus(policy.pendingTimeout());
        request.submitTraceparent = Traces.currentParent();
        request.unmeetableApproval().ifPresent(why -> {
            throw new StewardException(ErrorKind.UNMEETABLE_APPROVAL, why);
        });
        request.persist();
        audit.record(new StatusChange(request.id, request.account, null, request.status, request.requester, now,
                request.reason).audit("request.submitted"));
    }

    private void approve(AccessRequest request, String why, Instant now) {
        decided(request.approveAutomatically(why, now), "request.auto-approved");
    }
}
