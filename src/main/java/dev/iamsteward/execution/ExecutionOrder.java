package dev.iamsteward.execution;

import dev.iamsteward.iam.Attribution;
import dev.iamsteward.request.PlannedCall;
import dev.iamsteward.request.RequestType;
import java.util.List;

/** What a worker needs to execute one claimed job, read once in the claiming transaction. */
public record ExecutionOrder(long jobId, int attempt, RequestType type, List<PlannedCall> plan,
        Attribution attribution) {

    public ExecutionOrder {
        plan = List.copyOf(plan);
    }
}
