package dev.iamsteward.approval;

import dev.iamsteward.audit.AuditLog;
import dev.iamsteward.common.Caller;
import dev.iamsteward.common.StewardException;
import dev.iamsteward.execution.JobQueue;
import dev.iamsteward.request.AccessRequest;
import dev.iamsteward.request.RequestStatus;
import dev.iamsteward.request.RequestView;
import dev.iamsteward.request.StatusChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** Records approvers' decisions; an approval queues the request's execution in the same transaction. */
@ApplicationScoped
public class ApprovalService {

    private final JobQueue jobs;
    private final AuditLog audit;
    private final Clock clock;

    ApprovalService(JobQueue jobs, AuditLog audit, Clock clock) {
        this.jobs = jobs;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public RequestView decide(UUID requestId, DecisionRequest decision, Caller approver) {
        AccessRequest request = AccessRequest.findById(requestId, LockModeType.PESSIMISTIC_WRITE);
        if (request == null) {
            throw StewardException.notFound("Request", requestId);
        }
        StatusChange change = switch (decision.decision()) {
            case APPROVE -> request.approve(approver.name(), decision.comment(), clock.instant());
            case REJECT -> request.reject(approver.name(), decision.comment(), clock.instant());
        };
        audit.record(change.audit(switch (decision.decision()) {
            case APPROVE -> "request.approved";
            case REJECT -> "request.rejected";
        }));
        if (change.to() == RequestStatus.APPROVED) {
            jobs.enqueue(request.id);
        }
        return RequestView.of(request, List.of());
    }
}
