package dev.iamsteward.approval;

import dev.iamsteward.audit.AuditLog;
import dev.iamsteward.common.Caller;
import dev.iamsteward.common.ETags;
import dev.iamsteward.account.TargetAccounts;
import dev.iamsteward.request.AccessRequest;
import dev.iamsteward.request.BreakGlassUse;
import dev.iamsteward.request.RequestAccess;
import dev.iamsteward.request.RequestService;
import dev.iamsteward.request.RequestView;
import dev.iamsteward.request.StatusChange;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;

/**
 * Break-glass: a requester approves their own request when its rule allows it, under the request's row lock like
 * any decision; the approval queues execution at once, is audited as break-glass (which tells the approvers and
 * subscribers), and waits for an approver's review.
 */
@ApplicationScoped
public class BreakGlassService {

    private final RequestService requests;
    private final AuditLog audit;
    private final TargetAccounts accounts;
    private final MeterRegistry registry;
    private final Clock clock;

    BreakGlassService(RequestService requests, AuditLog audit, TargetAccounts accounts, MeterRegistry registry,
            Clock clock) {
        this.requests = requests;
        this.audit = audit;
        this.accounts = accounts;
        this.registry = registry;
        this.clock = clock;
    }

    @Transactional
    public RequestView breakGlass(UUID requestId, BreakGlassRequest body, Caller requester, String ifMatch) {
        AccessRequest request = RequestAccess.visible(requestId, requester, true);
        ETags.check(ifMatch, request.version);
        accounts.stored(request.account);
        StatusChange change = request.breakGlass(requester.name(), requester.roles(), body.reason().strip(),
                clock.instant());
        requests.decided(change, BreakGlassUse.USED);
        registry.counter("steward.break.glass.uses", "account", request.account, "rule", request.approval.rule)
                .increment();
        return requests.view(request);
    }

    @Transactional
    public RequestView review(UUID requestId, BreakGlassReview body, Caller reviewer, String ifMatch) {
        AccessRequest request = RequestAccess.visible(requestId, reviewer, true);
        ETags.check(ifMatch, request.version);
        StatusChange change = request.reviewBreakGlass(reviewer.name(), reviewer.roles(), body.comment().strip(),
                clock.instant());
        audit.record(change.audit(BreakGlassUse.REVIEWED));
        return requests.view(request);
    }
}
