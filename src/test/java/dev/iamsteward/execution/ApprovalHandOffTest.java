package dev.iamsteward.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.iamsteward.approval.ApprovalService;
import dev.iamsteward.approval.DecisionRequest;
import dev.iamsteward.common.Caller;
import dev.iamsteward.request.ApprovedRequests;
import dev.iamsteward.request.Decision;
import dev.iamsteward.request.RequestStatus;
import dev.iamsteward.request.Requests;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The approval hands its request to execution in its own transaction: the job row commits with it, or neither. */
@QuarkusTest
class ApprovalHandOffTest {

    @Inject
    ApprovalService approvals;

    @Inject
    ApprovedRequests approved;

    @Test
    void theJobIsWrittenInTheApprovingTransactionAndRolledBackWithIt() {
        UUID id = UUID.fromString(dev.iamsteward.support.Requests.submitCreateUser(
                dev.iamsteward.support.Requests.uniqueUserName("handoff")));

        QuarkusTransaction.begin();
        approvals.decide(id, new DecisionRequest(Decision.Verdict.APPROVE, "ok", null),
                new Caller("bob", Set.of("approver"), null), null);
        assertEquals(1, ExecutionJob.count("requestId", id), "queued by the approval, in its transaction");
        QuarkusTransaction.rollback();

        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> ExecutionJob.count("requestId", id)));
        assertEquals(RequestStatus.PENDING_APPROVAL,
                QuarkusTransaction.requiringNew().call(() -> Requests.get(id).status));
    }

    @Test
    void executionIsQueuedOnlyInsideAnApprovingTransaction() {
        assertThrows(TransactionalException.class, () -> approved.execute(UUID.randomUUID()));
    }
}
