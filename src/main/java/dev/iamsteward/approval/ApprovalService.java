package dev.iamsteward.approval;

import dev.iamsteward.account.TargetAccounts;
import dev.iamsteward.common.Caller;
import dev.iamsteward.common.ETags;
import dev.iamsteward.request.AccessRequest;
import dev.iamsteward.request.RequestAccess;
import dev.iamsteward.request.RequestService;
import dev.iamsteward.request.RequestView;
import dev.iamsteward.request.StatusChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;

/**
 * Records decisions under the request's row lock, so that approvers racing on one request produce exactly
 * one transition; the approval that meets the quorum queues execution in the same transaction.
 */
@ApplicationScoped
public class ApprovalService {

    private final RequestService requests;
    private final TargetAccounts accounts;
    private final Clock clock;

    ApprovalService(RequestService requests, TargetAccounts accounts, Clock clock) {
        this.requests = requests;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Transactional
    public RequestView decide(UUID requestId, DecisionRequest decision, Caller approver, String ifMatch) {
        AccessRequest request = RequestAccess.visible(requestId, approver, true);
        ETags.check(ifMatch, request.version);
        // An approval would queue execution in an account the service can no longer act on, and a rejection
        // would record a decision about one: both wait until the account is configured again (or it is cancelled).
        accounts.stored(request.account);
        StatusChange change = switch (decision.decision()) {
            case APPROVE -> request.approve(approver.name(), approver.roles(), decision.planHash(),
                    decision.comment(), clock.instant());
            case REJECT -> request.reject(approver.name(), approver.roles(), decision.comment(), clock.instant());
        };
        requests.decided(change, switch (change.to()) {
            case APPROVED -> "request.approved";
            case REJECTED -> "request.rejected";
            default -> "request.approval-recorded";
        });
        return requests.view(request);
    }
}
