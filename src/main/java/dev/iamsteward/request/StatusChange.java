package dev.iamsteward.request;

import dev.iamsteward.audit.AuditEntry;
import java.time.Instant;
import java.util.UUID;

/**
 * One move of a request, in its target account, from one status to another, by someone, at some time: what the
 * audit log records.
 */
public record StatusChange(UUID requestId, String account, RequestStatus from, RequestStatus to, String actor,
        Instant at, String detail) {

    /** The audit row for this change; {@code action} names what caused it, e.g. "request.approved". */
    public AuditEntry audit(String action) {
        return new AuditEntry(action, requestId, actor, from == null ? null : from.name(), to.name(), at, detail,
                account);
    }
}
