package dev.iamsteward.queue;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;

/**
 * The lease, attempts and schedule every queued row has, and the moves between phases, written once for the
 * execution jobs, the webhook inbox and the notification outbox. Each keeps its own state column and names.
 */
@MappedSuperclass
public abstract class QueuedWork extends PanacheEntityBase {

    public int attempts;

    @Column(name = "run_after")
    public Instant runAfter;

    @Column(name = "lease_owner")
    public String leaseOwner;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The W3C traceparent of what queued the row: working it continues that trace. */
    public String traceparent;

    /** The row's phase, read from its own state column. */
    public abstract Phase phase();

    /** Sets the row's own state column to the state this queue names {@code phase}. */
    protected abstract void enter(Phase phase);

    /** The row's id, as the queue's SQL names it. */
    public abstract Object key();

    void claim(String owner, Instant now, Instant until) {
        enter(Phase.RUNNING);
        attempts++;
        leaseOwner = owner;
        leaseUntil = until;
        updatedAt = now;
    }

    /** Whether {@code owner} still holds the row on {@code attempt}; a worker whose lease ran out has lost it. */
    public boolean heldBy(String owner, int attempt) {
        return phase() == Phase.RUNNING && owner.equals(leaseOwner) && attempts == attempt;
    }

    /** Queued again for {@code when}, the error kept. */
    public void retryAt(Instant when, String error, Instant now) {
        enter(Phase.QUEUED);
        runAfter = when;
        lastError = error;
        release(now);
    }

    /** Done or failed for good; {@code error} is null for work done. */
    public void finish(Phase end, String error, Instant now) {
        if (end != Phase.DONE && end != Phase.FAILED) {
            throw new IllegalArgumentException("a row finishes DONE or FAILED, not " + end);
        }
        enter(end);
        lastError = error;
        release(now);
    }

    /** Waits, unclaimable, until {@link #requeue} puts it back. */
    public void park(Instant now) {
        enter(Phase.WAITING);
        release(now);
    }

    /** Due again now, with the attempts it had. */
    public void requeue(Instant now) {
        enter(Phase.QUEUED);
        runAfter = now;
        updatedAt = now;
    }

    /** Queued again at once, and the claim that never ran is not counted as an attempt. */
    public void handBack(Instant now) {
        enter(Phase.QUEUED);
        runAfter = now;
        attempts = Math.max(0, attempts - 1);
        release(now);
    }

    private void release(Instant now) {
        leaseOwner = null;
        leaseUntil = null;
        updatedAt = now;
    }
}
