package dev.iamsteward.request;

import java.time.Duration;

/**
 * What the approval rules say about a request: which approvals it needs, whether it is approved without a
 * person, and how long it may wait. The rules themselves live with the approval workflow.
 */
public interface ApprovalPolicy {

    /** The rule that applies to a request in {@code account} of {@code type} whose risk is {@code risk}. */
    Match match(String account, RequestType type, String risk);

    /** How long a request may wait for approval before it expires. */
    Duration pendingTimeout();

    /** A matched rule: what it requires, and when it approves by itself. */
    record Match(ApprovalRequirement requirement, ApprovalRequirement.AutoApprove autoApprove) {
    }
}
