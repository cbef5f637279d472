package dev.iamsteward.webhook.inbound;

import dev.iamsteward.common.Traces;
import dev.iamsteward.webhook.Signatures;
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

/**
 * The inbox of verified deliveries in PostgreSQL. A delivery id is taken once per source; workers claim due
 * deliveries with {@code FOR UPDATE SKIP LOCKED} under a lease, as the execution queue does.
 */
@ApplicationScoped
public class Inbox {

    private static final String INSERT = """
            insert into webhook_inbox (source_id, delivery_id, body_sha256, body, state, run_after, received_at,
                                       updated_at, traceparent)
            values (:source, :delivery, :hash, :body, 'QUEUED', :now, :now, :now, :trace)
            on conflict (source_id, delivery_id) do nothing""";

    private static final String CLAIMABLE = """
            select id from webhook_inbox
            where (state = 'QUEUED' and run_after <= :now) or (state = 'RUNNING' and lease_until < :now)
            order by run_after, id
            limit 1
            for update skip locked""";

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
    private final WebhookConfig config;

    Inbox(EntityManager em, Clock clock, WebhookConfig config) {
        this.em = em;
        this.clock = clock;
        this.config = config;
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
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery(CLAIMABLE).setParameter("now", now).getResultList();
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        InboundDelivery delivery = em.find(InboundDelivery.class, ids.get(0).longValue());
        delivery.claim(worker, now, now.plus(config.lease()));
        return Optional.of(new Claim(delivery.id, delivery.attempts, delivery.sourceId, delivery.body,
                delivery.traceparent));
    }

    /** Hands back what {@code worker} claimed and never started, due now and the claim not counted. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int releaseAll(String worker) {
        return em.createNativeQuery("""
                update webhook_inbox set state = 'QUEUED', run_after = :now, attempts = greatest(attempts - 1, 0),
                       lease_owner = null, lease_until = null, updated_at = :now
                where state = 'RUNNING' and lease_owner = :worker""")
                .setParameter("now", clock.instant()).setParameter("worker", worker).executeUpdate();
    }

    /** The delivery, locked, if this worker still holds it, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<InboundDelivery> held(Claim claim, String worker) {
        InboundDelivery delivery = em.find(InboundDelivery.class, claim.id(), LockModeType.PESSIMISTIC_WRITE);
        return delivery != null && delivery.heldBy(worker, claim.attempt()) ? Optional.of(delivery)
                : Optional.empty();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void retryLater(Claim claim, String worker, String error, Duration delay) {
        Instant now = clock.instant();
        held(claim, worker).ifPresent(d -> d.retryAt(now.plus(delay), error, now));
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failed(Claim claim, String worker, String error) {
        held(claim, worker).ifPresent(d -> d.fail(error, clock.instant()));
    }
}
