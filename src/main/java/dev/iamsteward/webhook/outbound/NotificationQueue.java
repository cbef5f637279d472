package dev.iamsteward.webhook.outbound;

import dev.iamsteward.queue.Backoff;
import dev.iamsteward.queue.LeasedQueue;
import dev.iamsteward.queue.WorkQueue;
import dev.iamsteward.webhook.WebhookConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The outbox of notifications: claimed with {@code FOR UPDATE SKIP LOCKED} under a lease, sent outside. */
@ApplicationScoped
public class NotificationQueue implements LeasedQueue<NotificationQueue.Claim> {

    public static final WorkQueue.Table TABLE = WorkQueue.Table.of("notification", UUID.class, "PENDING", "DELIVERED");

    /** What a worker holds: the notification as it is to be sent, the attempt it is on, and its trace. */
    public record Claim(UUID id, int attempt, String messageId, String target, String payload, String traceparent) {
    }

    private final Clock clock;
    private final WorkQueue<Notification> notifications;

    NotificationQueue(EntityManager em, Clock clock, WebhookConfig config) {
        this.clock = clock;
        this.notifications = new WorkQueue<>(em, clock, Notification.class, TABLE, config::lease,
                config.maxAttempts(), new Backoff(config.initialBackoff(), config.maxBackoff()));
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Claim> claimNext(String worker) {
        return notifications.claim(worker).map(WorkQueue.Claimed::item)
                .map(n -> new Claim(n.id, n.attempts, n.messageId(), n.target, n.payload, n.traceparent));
    }

    /** Hands back what {@code worker} claimed and never sent, due now and the claim not counted. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int releaseAll(String worker) {
        return notifications.handBackAll(worker).size();
    }

    /** Renews the leases of the notifications {@code worker} is sending; returns how many. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int renewLeases(String worker) {
        return notifications.renew(worker);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void delivered(Claim claim, String worker) {
        held(claim, worker).ifPresent(n -> n.delivered(clock.instant()));
    }

    /** Sends it again after a backoff, or once its attempts are spent keeps it FAILED; true when it will retry. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean retryLater(Claim claim, String worker, String error) {
        return held(claim, worker).map(n -> notifications.retryOrFail(n, error).isPresent()).orElse(false);
    }

    /** Deletes the notifications delivered before {@code before}; failed ones stay for an admin. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long deleteDone(Instant before) {
        return notifications.deleteDone(before);
    }

    private Optional<Notification> held(Claim claim, String worker) {
        return notifications.held(claim.id(), worker, claim.attempt());
    }
}
