package dev.iamsteward.request;

import java.util.UUID;

/** Fired, inside the approving transaction, when a request becomes APPROVED; execution queues it. */
public record RequestApproved(UUID requestId) {
}
