package dev.iamsteward.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/** Appends audit rows in the transaction of the change they record, so neither exists without the other. */
@ApplicationScoped
public class AuditLog {

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(AuditEntry entry) {
        AuditEvent event = new AuditEvent();
        event.occurredAt = entry.at();
        event.actor = entry.actor();
        event.action = entry.action();
        event.requestId = entry.requestId();
        event.fromStatus = entry.fromStatus();
        event.toStatus = entry.toStatus();
        event.detail = entry.detail();
        event.persist();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AuditEvent> forRequest(UUID requestId) {
        return AuditEvent.list("requestId = ?1 order by id", requestId);
    }
}
