package dev.iamsteward.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * What one audit row says; {@code fromStatus} is null when a request is first submitted, and {@code account}
 * (the target account's id in the configuration) is null for rows about no one account.
 */
public record AuditEntry(String action, UUID requestId, String actor, String fromStatus, String toStatus,
        Instant at, String detail, String account) {

    /** A row about no one target account. */
    public AuditEntry(String action, UUID requestId, String actor, String fromStatus, String toStatus, Instant at,
            String detail) {
        this(action, requestId, actor, fromStatus, toStatus, at, detail, null);
    }
}
