package dev.iamsteward.webhook.outbound;

import dev.iamsteward.webhook.WebhookConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The outbox of notifications: claimed with {@code FOR UPDATE SKIP LOCKED} under a lease, sent outside. */
@ApplicationScoped
public class NotificationQueue {

    private static final String CLAIMABLE = """
            select id from notification
            where (state = 'PENDING' and run_after <= :now) or (state = 'RUNNING' and lease_until < :now)
            order by run_after, id
            limit 1
            for update skip locked""";

    /** What a worker holds: the notification as it is to be sent, the attempt it is on, and its trace. */
    public record Claim(UUID id, int attempt, String messageId, String target, String payload, String traceparent) {
    }

    private final EntityManager em;
    private final Clock clock;
    private final WebhookConfig config;

    NotificationQueue(EntityManager em, Clock clock, WebhookConfig config) {
        this.em = em;
        this.clock = clock;
        this.config = config;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Claim> claimNext(String worker) {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery(CLAIMABLE, UUID.class).setParameter("now", now).getResultList();
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        Notification n = em.find(Notification.class, ids.get(0));
        n.claim(worker, now, now.plus(config.lease()));
        return Optional.of(new Claim(n.id, n.attempts, n.messageId(), n.target, n.payload, n.traceparent));
    }

    /** Hands back what {@code worker} claimed and never sent, due now and the claim not counted. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int releaseAll(String worker) {
        return em.createNativeQuery("""
                update notification set state = 'PENDING', run_after = :now, attempts = greatest(attempts - 1, 0),
                       lease_owner = null, lease_until = null, updated_at = :now
                where state = 'RUNNING' and lease_owner = :worker""")
                .setParameter("now", clock.instant()).setParameter("worker", worker).executeUpdate();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void delivered(Claim claim, String worker) {
        held(claim, worker).ifPresent(n -> n.delivered(clock.instant()));
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void retryLater(Claim claim, String worker, String error, Duration delay) {
        Instant now = clock.instant();
        held(claim, worker).ifPresent(n -> n.retryAt(now.plus(delay), error, now));
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failed(Claim claim, String worker, String error) {
        held(claim, worker).ifPresent(n -> n.fail(error, clock.instant()));
    }

    private Optional<Notification> held(Claim claim, String worker) {
        Notification n = em.find(Notification.class, claim.id(), LockModeType.PESSIMISTIC_WRITE);
        return n != null && n.heldBy(worker, claim.attempt()) ? Optional.of(n) : Optional.empty();
    }
}
