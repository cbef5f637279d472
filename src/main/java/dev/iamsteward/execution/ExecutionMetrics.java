package dev.iamsteward.execution;

import dev.iamsteward.audit.AuditEntry;
import dev.iamsteward.audit.AuditEvent;
import dev.iamsteward.request.AccessRequest;
import dev.iamsteward.request.RequestStatus;
import dev.iamsteward.request.Requests;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/**
 * {@code steward_execution_latency_seconds}: how long a request took from its approval to its outcome, by outcome
 * (succeeded, failed) and request type. It listens to the audit rows that record a request reaching its outcome
 * and times it once that transaction has committed.
 */
@ApplicationScoped
class ExecutionMetrics {

    private static final Set<String> OUTCOMES = Set.of(RequestStatus.SUCCEEDED.name(), RequestStatus.FAILED.name());

    private final MeterRegistry registry;
    private final TransactionSynchronizationRegistry transactions;

    ExecutionMetrics(MeterRegistry registry, TransactionSynchronizationRegistry transactions) {
        this.registry = registry;
        this.transactions = transactions;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void on(@Observes AuditEntry entry) {
        if (entry.requestId() == null || entry.toStatus() == null || !OUTCOMES.contains(entry.toStatus())) {
            return;
        }
        Instant approvedAt = AuditEvent.getEntityManager().createQuery("select min(e.occurredAt) from AuditEvent e "
                + "where e.requestId = :id and e.toStatus = :approved", Instant.class)
                .setParameter("id", entry.requestId()).setParameter("approved", RequestStatus.APPROVED.name())
                // The approval committed earlier; flushing here would chain this transaction's audit rows early.
                .setFlushMode(FlushModeType.COMMIT).getSingleResult();
        if (approvedAt == null) {
            return;
        }
        AccessRequest request = Requests.get(entry.requestId());
        Timer timer = Timer.builder("steward.execution.latency")
                .description("From a request's approval to its outcome")
                .tag("outcome", entry.toStatus().toLowerCase(Locale.ROOT)).tag("type", request.type.name())
                .register(registry);
        Duration took = Duration.between(approvedAt, entry.at());
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    timer.record(took);
                }
            }
        });
    }
}
