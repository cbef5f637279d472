package dev.iamsteward.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Appends audit rows in the transaction of the change they record, so neither exists without the other. The
 * database chains each row as it is inserted and holds the chain's lock until commit, so a transaction
 * records its audit last and never waits, after that, for another transaction that records audit.
 */
@ApplicationScoped
public class AuditLog {

    private final Event<AuditEntry> recorded;

    AuditLog(Event<AuditEntry> recorded) {
        this.recorded = recorded;
    }

    /**
     * Appends the row, and tells observers in the same transaction (the outbox of notifications writes its
     * rows there, so that they commit or roll back with the change).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(AuditEntry entry) {
        AuditEvent event = new AuditEvent();
        // PostgreSQL keeps microseconds: the row in memory is then exactly the row whose hash is stored.
        event.occurredAt = entry.at().truncatedTo(ChronoUnit.MICROS);
        event.actor = entry.actor();
        event.action = entry.action();
        event.requestId = entry.requestId();
        event.fromStatus = entry.fromStatus();
        event.toStatus = entry.toStatus();
        event.detail = entry.detail();
        event.account = entry.account();
        event.persist();
        recorded.fire(entry);
    }

    /** A request's history in the order it was recorded. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AuditEvent> forRequest(UUID requestId) {
        return AuditEvent.list("requestId = ?1 order by seq", requestId);
    }
}
