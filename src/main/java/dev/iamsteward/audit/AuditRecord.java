package dev.iamsteward.audit;

import io.quarkus.hibernate.orm.panache.common.ProjectedFieldName;
import java.time.Instant;
import java.util.UUID;

/**
 * One audit row as the API shows it, with its place in the hash chain ({@code seq}) and both hashes, so that
 * anyone can recompute the chain. {@code fromStatus} and {@code toStatus} are null for rows that are no move;
 * {@code account} is null for rows about no one target account, and for rows written before rows named one.
 */
public record AuditRecord(long seq, long id, @ProjectedFieldName("occurredAt") Instant at, String actor,
        String action, UUID requestId, String account, String fromStatus, String toStatus, String detail,
        String prevHash, String hash) {

    /** The JPQL constructor expression that reads rows straight into records, outside the persistence context. */
    static final String SELECT = "select new dev.iamsteward.audit.AuditRecord(e.seq, e.id, e.occurredAt, e.actor, "
            + "e.action, e.requestId, e.account, e.fromStatus, e.toStatus, e.detail, e.prevHash, e.hash) "
            + "from AuditEvent e";
}
