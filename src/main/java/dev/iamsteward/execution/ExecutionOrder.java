package dev.iamsteward.execution;

import dev.iamsteward.iam.Attribution;
import dev.iamsteward.request.PlanStep;
import dev.iamsteward.request.PlannedCall;
import dev.iamsteward.request.RequestType;
import java.util.List;
import java.util.UUID;

/**
 * What a worker needs to execute one claimed job, read once in the claiming transaction: the plan, how many
 * of its steps are already done, the target account it runs in, whom the work is for, and the traces of its
 * approval and submission.
 */
public record ExecutionOrder(long jobId, int attempt, boolean planChecked, String account, List<PlannedCall> plan,
        int stepsDone, String userName, String userArn, String owner, Attribution attribution, RequestType type,
        String approvalTrace, String submissionTrace) {

    public ExecutionOrder {
        plan = List.copyOf(plan);
    }

    /**
     * Step {@code index} of the plan, typed; a step this service does not know fails the request, since no
     * retry can make it known.
     */
    public PlanStep step(int index) {
        try {
            return PlanStep.of(plan.get(index));
        } catch (PlanStep.UnknownStep e) {
            throw new ExecutionFailure(e.getMessage());
        }
    }

    public UUID requestId() {
        return attribution.requestId();
    }
}
