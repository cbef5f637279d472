package dev.iamsteward.idempotency;

import dev.iamsteward.common.ErrorKind;
import dev.iamsteward.common.StewardException;
import dev.iamsteward.queue.Replicas;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Keeps callers' idempotency keys: claims a key for the first attempt of a request, records how it ended, and
 * forgets keys past their retention.
 */
@ApplicationScoped
public class IdempotencyKeys {

    private final EntityManager em;
    private final Clock clock;
    private final IdempotencyConfig config;
    private final Replicas replicas;

    IdempotencyKeys(EntityManager em, Clock clock, IdempotencyConfig config, Replicas replicas) {
        this.em = em;
        this.clock = clock;
        this.config = config;
        this.replicas = replicas;
    }

    /**
     * Claims the key for this request in a short transaction of its own, committed before the request runs, so
     * that a concurrent retry sees it held. A key used for another request is refused.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Claim claim(String caller, IdempotencyKey key, Fingerprint request) {
        IdempotencyRecord.Id id = new IdempotencyRecord.Id(caller, key.value());
        Instant now = clock.instant();
        UUID attempt = UUID.randomUUID();
        IdempotencyRecord.delete("id.caller = ?1 and id.key = ?2 and expiresAt <= ?3", caller, key.value(), now);
        if (insertIfAbsent(id, request, attempt, now) == 1) {
            return new Claim.Granted(id, attempt);
        }
        IdempotencyRecord existing = IdempotencyRecord.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (existing == null) {
            // Released by a failed first attempt since the insert: nothing runs now, so a retry may come at once.
            return new Claim.InFlight();
        }
        boolean holderStopped = existing.state == IdempotencyRecord.State.IN_FLIGHT
                && replicas.stopped(existing.replica);
        return switch (existing.verdictFor(request, now, config.inFlightTimeout(), holderStopped)) {
            case REPLAY -> new Claim.Replay(existing.response());
            case IN_FLIGHT -> new Claim.InFlight();
            case REUSED -> throw new StewardException(ErrorKind.IDEMPOTENCY_KEY_REUSED, "this "
                    + Idempotent.HEADER + " was first sent with " + existing.method + " " + existing.path
                    + " and another body; use a new key for a new request");
            case TAKE_OVER -> {
                Log.warnf("The first attempt with an idempotency key of %s, started %s%s, never finished; "
                        + "running the request again", caller, existing.createdAt,
                        holderStopped ? " on replica " + existing.replica + ", which has stopped" : "");
                existing.takeOver(attempt, replicas.id(), now, config.retention());
                yield new Claim.Granted(id, attempt);
            }
        };
    }

    /**
     * Records the response of an attempt in the transaction of its effect. An attempt that lost its key to a
     * takeover is refused, which rolls its effect back: the request then happens once, by the other attempt.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void complete(Claim.Granted claim, StoredResponse response) {
        IdempotencyRecord record = IdempotencyRecord.findById(claim.id(), LockModeType.PESSIMISTIC_WRITE);
        if (record == null || !record.heldBy(claim.attempt())) {
            throw new StewardException(ErrorKind.IDEMPOTENCY_IN_FLIGHT, "another attempt with this "
                    + Idempotent.HEADER + " took it over; its response is the one that counts");
        }
        record.complete(response, clock.instant());
    }

    /** Records an outcome reached without an effect, such as a refusal, if the attempt still holds the key. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void settle(Claim.Granted claim, StoredResponse response) {
        IdempotencyRecord record = IdempotencyRecord.findById(claim.id(), LockModeType.PESSIMISTIC_WRITE);
        if (record != null && record.heldBy(claim.attempt())) {
            record.complete(response, clock.instant());
        }
    }

    /** Forgets a key whose attempt ended without an outcome (a server error), so that a retry runs again. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(Claim.Granted claim) {
        IdempotencyRecord.delete("id.caller = ?1 and id.key = ?2 and attempt = ?3 and state = ?4",
                claim.id().caller(), claim.id().key(), claim.attempt(), IdempotencyRecord.State.IN_FLIGHT);
    }

    /** Deletes every key past its retention; returns how many. */
    @Transactional
    public long deleteExpired() {
        return IdempotencyRecord.delete("expiresAt <= ?1", clock.instant());
    }

    /**
     * A persist would turn a concurrent first attempt into a constraint violation that dooms this transaction;
     * {@code on conflict do nothing} waits for it instead, and lets this one go on to read its row.
     */
    private int insertIfAbsent(IdempotencyRecord.Id id, Fingerprint request, UUID attempt, Instant now) {
        return em.createNativeQuery("""
                        insert into idempotency_key (caller, idempotency_key, method, path, body_sha256, state,
                            attempt, created_at, expires_at, replica)
                        values (?1, ?2, ?3, ?4, ?5, 'IN_FLIGHT', ?6, ?7, ?8, ?9)
                        on conflict (caller, idempotency_key) do nothing""")
                .setParameter(1, id.caller()).setParameter(2, id.key())
                .setParameter(3, request.method()).setParameter(4, request.path())
                .setParameter(5, request.bodySha256()).setParameter(6, attempt)
                .setParameter(7, now).setParameter(8, now.plus(config.retention()))
                .setParameter(9, replicas.id())
                .executeUpdate();
    }
}
