package dev.iamsteward.audit;

import dev.iamsteward.common.Cursor;
import dev.iamsteward.common.KeysetQuery;
import dev.iamsteward.common.Page;
import dev.iamsteward.common.Paging;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.UriInfo;

/**
 * Reads the audit log newest first, in the chain's order. A row's place in the chain is the order in which
 * rows were committed, so a row written while a client pages through is always above its first page: later
 * pages neither repeat nor skip a row that was there when it started.
 */
@ApplicationScoped
public class AuditService {

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<AuditRecord> list(AuditFilter filter, Paging paging, UriInfo uri) {
        return KeysetQuery.<AuditRecord>newestFirst("seq", Long::valueOf, AuditService::cursorOf)
                .where("requestId = :requestId", "requestId", filter.requestId())
                .where("account = :account", "account", filter.account())
                .where("actor = :actor", "actor", filter.actor())
                .where("action = :action", "action", filter.action())
                .where("occurredAt >= :since", "since", filter.since())
                .where("occurredAt < :until", "until", filter.until())
                .page(paging, (query, sort, parameters) -> AuditEvent.find(query, sort, parameters)
                        .project(AuditRecord.class), row -> row, uri);
    }

    /** The shared cursor carries the row's time too; the chain's order needs only its place. */
    private static Cursor cursorOf(AuditRecord row) {
        return new Cursor(row.at(), Long.toString(row.seq()));
    }
}
