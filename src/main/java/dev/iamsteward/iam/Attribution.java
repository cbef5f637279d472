package dev.iamsteward.iam;

import java.util.List;
import java.util.UUID;

/** Who an IAM write is done for: the request, its requester and its approvers, as CloudTrail should show. */
public record Attribution(UUID requestId, String requester, List<String> approvers) {

    public Attribution {
        approvers = List.copyOf(approvers);
    }
}
