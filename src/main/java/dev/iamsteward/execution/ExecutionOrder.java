package dev.iamsteward.execution;

import dev.iamsteward.iam.Attribution;
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

    public UUID requestId() {
        return attribution.requestId();
    }
}
