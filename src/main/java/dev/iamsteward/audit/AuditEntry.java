package dev.iamsteward.audit;

import java.time.Instant;
import java.util.UUID;

/** What one audit row says; {@code fromStatus} is null when a request is first submitted. */
public record AuditEntry(String action, UUID requestId, String actor, String fromStatus, String toStatus,
        Instant at, String detail) {
}
