package dev.iamsteward.idempotency;

import dev.iamsteward.common.DatabaseOutage;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keys whose attempt failed because the database could not be reached, so that their release could not be written
 * either. They are released as soon as the database answers again: before this replica claims any key, and on a
 * short schedule, so that a retry after the outage runs instead of waiting out {@code in-flight-timeout}.
 */
@ApplicationScoped
class PendingReleases {

    private final IdempotencyKeys keys;
    private final Set<Claim.Granted> pending = ConcurrentHashMap.newKeySet();

    PendingReleases(IdempotencyKeys keys) {
        this.keys = keys;
    }

    /** Releases {@code held} now, or keeps it for later if the database cannot be reached. */
    void release(Claim.Granted held) {
        try {
            keys.release(held);
        } catch (RuntimeException e) {
            if (!DatabaseOutage.causedBy(e)) {
                throw e;
            }
            Log.warnf("An idempotency key could not be released (the database could not be reached); "
                    + "it is released when the database answers again");
            pending.add(held);
        }
    }

    /** Releases every key still pending; stops at the first the database cannot be reached for. */
    @Scheduled(identity = "idempotency-pending-releases", every = "${steward.idempotency.retry-after}",
            executeWith = Scheduled.SIMPLE, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void retry() {
        for (Iterator<Claim.Granted> it = pending.iterator(); it.hasNext(); ) {
            Claim.Granted held = it.next();
            try {
                keys.release(held);
                it.remove();
            } catch (RuntimeException e) {
                if (DatabaseOutage.causedBy(e)) {
                    return;
                }
                it.remove();
                Log.error("Releasing an idempotency key failed; it is taken over after in-flight-timeout", e);
            }
        }
    }
}
