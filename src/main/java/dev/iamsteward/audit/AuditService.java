package dev.iamsteward.audit;

import dev.iamsteward.common.Cursor;
import dev.iamsteward.common.Page;
import dev.iamsteward.common.StewardException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the audit log newest first, in the chain's order. A row's place in the chain is the order in which
 * rows were committed, so a row written while a client pages through is always above its first page: later
 * pages neither repeat nor skip a row that was there when it started.
 */
@ApplicationScoped
public class AuditService {

    private final EntityManager em;

    AuditService(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<AuditRecord> list(AuditFilter filter, String cursor, int limit, UriInfo uri) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        where(conditions, parameters, "e.requestId = :requestId", "requestId", filter.requestId());
        where(conditions, parameters, "e.account = :account", "account", filter.account());
        where(conditions, parameters, "e.actor = :actor", "actor", filter.actor());
        where(conditions, parameters, "e.action = :action", "action", filter.action());
        where(conditions, parameters, "e.occurredAt >= :since", "since", filter.since());
        where(conditions, parameters, "e.occurredAt < :until", "until", filter.until());
        where(conditions, parameters, "e.seq < :before", "before", cursor == null ? null : seqOf(cursor));
        String query = AuditRecord.SELECT + (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions))
                + " order by e.seq desc";
        TypedQuery<AuditRecord> rows = em.createQuery(query, AuditRecord.class).setMaxResults(limit + 1);
        parameters.forEach(rows::setParameter);
        return Page.ofKeyset(rows.getResultList(), limit, AuditService::cursorOf, row -> row, uri);
    }

    /** The shared cursor carries the row's time too; the chain's order needs only its place. */
    private static Cursor cursorOf(AuditRecord row) {
        return new Cursor(row.at(), Long.toString(row.seq()));
    }

    private static long seqOf(String cursor) {
        try {
            return Long.parseLong(Cursor.decode(cursor).key());
        } catch (NumberFormatException e) {
            throw StewardException.invalid("cursor is not one this service handed out");
        }
    }

    private static void where(List<String> conditions, Map<String, Object> parameters, String condition,
            String name, Object value) {
        if (value != null) {
            conditions.add(condition);
            parameters.put(name, value);
        }
    }
}
