package dev.iamsteward.webhook.inbound;

import dev.iamsteward.common.Traces;
import dev.iamsteward.queue.Backoff;
import dev.iamsteward.queue.LeasedQueue;
import dev.iamsteward.queue.WorkQueue;
import dev.iamsteward.webhook.Signatures;
import dev.iamsteward.webhook.WebhookConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The inbox of verified deliveries in PostgreSQL. A delivery id is taken once per source; workers claim due
 * deliveries with {@code FOR UPDATE SKIP LOCKED} under a lease, as the execution queue does.
 */
@ApplicationScoped
public class Inbox implements LeasedQueue<Inbox.Claim> {

    private static final String INSERT = """
            insert into webhook_inbox (source_id, delivery_id, body_sha256, body, state, run_after, received_at,
                                       updated_at, traceparent)
            values (:source, :delivery, :hash, :body, 'QUEUED', :now, :now, :now, :trace)
            on conflict (source_id, delivery_id) do nothing""";

    public static final WorkQueue.Table TABLE = WorkQueue.Table.of("webhook_inbox", Long.class, "QUEUED", "DONE");

    /** What became of a delivery received. */
    public enum Receipt {
        /** New: it is queued for processing. */
        ACCEPTED,
        /** Its id came before with the same body: a retry or a replay, which has no new effect. */
        DUPLICATE,
        /** Its id came before with another body. */
        ID_REUSED
    }

    /** What a worker holds: the delivery, the attempt it is on and the trace of the call that brought it. */
    public record Claim(long id, int attempt, String sourceId, byte[] body, String traceparent) {
    }

    private final EntityManager em;
    private final Clock clock;
    private final WorkQueue<InboundDelivery> deliveries;

    Inbox(EntityManager em, Clock clock, WebhookConfig config) {
        this.em = em;
        this.clock = clock;
        this.deliveries = new WorkQueue<>(em, clock, InboundDelivery.class, TABLE, config::lease,
                config.maxAttempts(), new Backoff(config.initialBackoff(), config.maxBackoff()));
    }

    /** Takes a delivery in, with the trace of the call that brought it, unless its id came before. */
    @Transactional
    public Receipt accept(String sourceId, String deliveryId, byte[] body) {
        String hash = Signatures.sha256Hex(body);
        int inserted = em.createNativeQuery(INSERT).setParameter("source", sourceId)
                .setParameter("delivery", deliveryId).setParameter("hash", hash).setParameter("body", body)
                .setParameter("now", clock.instant()).setParameter("trace", Traces.currentParent()).executeUpdate();
        if (inserted == 1) {
            return Receipt.ACCEPTED;
        }
        InboundDelivery first = InboundDelivery.find("sourceId = ?1 and deliveryId = ?2", sourceId, deliveryId)
                .firstResult();
        return first.bodySha256.equals(hash) ? Receipt.DUPLICATE : Receipt.ID_REUSED;
    }

    /** Claims the next due delivery, or one whose worker's lease ran out. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Claim> claimNext(String worker) {
        return deliveries.claim(worker).map(WorkQueue.Claimed::item)
                .map(d -> new Claim(d.id, d.attempts, d.sourceId, d.body, d.traceparent));
    }

    /** Hands back what {@code worker} claimed and never started, due now and the claim not counted. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int releaseAll(String worker) {
        return deliveries.handBackAll(worker).size();
    }

    /** Renews the leases of the deliveries {@code worker} is on; returns how many. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int renewLeases(String worker) {
        return deliveries.renew(worker);
    }

    /** The delivery, locked, if this worker still holds it, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<InboundDelivery> held(Claim claim, String worker) {
        return deliveries.held(claim.id(), worker, claim.attempt());
    }

    /** Retries the delivery after a backoff, or once its attempts are spent fails it with {@code finalReason}. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void retryLater(Claim claim, String worker, String error, String finalReason) {
        held(claim, worker).ifPresent(d -> {
            if (deliveries.retryOrFail(d, error).isEmpty()) {
                d.lastError = finalReason;
            }
        });
    }

    /** Deletes the deliveries processed before {@code before}; their ids are then no longer known. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long deleteDone(Instant before) {
        return deliveries.deleteDone(before);
    }
}
