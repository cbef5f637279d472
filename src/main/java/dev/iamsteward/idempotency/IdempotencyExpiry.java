package dev.iamsteward.idempotency;

import io.quarkus.quartz.Nonconcurrent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Deletes keys past their retention on a schedule; the work is {@link IdempotencyKeys#deleteExpired()}. */
@ApplicationScoped
class IdempotencyExpiry {

    private final IdempotencyKeys keys;

    IdempotencyExpiry(IdempotencyKeys keys) {
        this.keys = keys;
    }

    @Scheduled(identity = "idempotency-expiry", every = "${steward.idempotency.expiry-sweep}",
            executeWith = Scheduled.QUARTZ)
    @Nonconcurrent
    void sweep() {
        keys.deleteExpired();
    }
}
