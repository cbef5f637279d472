package dev.iamsteward.request;

import java.util.UUID;

/**
 * Where a request goes once it is approved: execution queues it. {@link RequestService} calls it in the
 * transaction that approves the request, so that an approved request always has its execution queued.
 */
public interface ApprovedRequests {

    /** Queues the execution of a request that has just become APPROVED, in the caller's transaction. */
    void execute(UUID requestId);
}
