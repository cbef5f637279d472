package dev.iamsteward.queue;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One durable queue in PostgreSQL: claim with {@code FOR UPDATE SKIP LOCKED} under a lease, renew the leases a
 * replica holds, retry with backoff until the attempts run out and then keep the row as a dead letter, hand back
 * what was claimed and not started, and delete what is done after a retention. Every method runs in the
 * caller's transaction; the queue's bean decides where one begins.
 */
public final class WorkQueue<T extends QueuedWork> {

    /** How a queue's rows are stored: its table, the names it gives the phases, and what else holds one back. */
    public record Table(String name, Class<?> idType, String queued, String done, String join, String holdBack) {

        public static Table of(String name, Class<?> idType, String queued, String done) {
            return new Table(name, idType, queued, done, "", "");
        }

        /** Rows of {@code q} the {@code join}ed rows say are not to be claimed yet, whatever their phase. */
        public Table holdingBack(String join, String condition) {
            return new Table(name, idType, queued, done, join, " and not (" + condition + ")");
        }

        /** The due rows, oldest first, the first one not locked by another worker; {@code q} is this table. */
        public String claimSql() {
            return "select q.id from " + name + " q " + join + """
                     where ((q.state = '%s' and q.run_after <= :now) or (q.state = 'RUNNING' and q.lease_until < :now))\
                    %s order by q.run_after, q.id limit 1 for update of q skip locked""".formatted(queued, holdBack);
        }
    }

    /** A row claimed; {@code resumed} when a worker before had it and its lease ran out. */
    public record Claimed<T>(T item, boolean resumed) {
    }

    private final EntityManager em;
    private final Clock clock;
    private final Class<T> type;
    private final Table table;
    private final Supplier<Duration> lease;
    private final int maxAttempts;
    private final Backoff backoff;

    public WorkQueue(EntityManager em, Clock clock, Class<T> type, Table table, Supplier<Duration> lease,
            int maxAttempts, Backoff backoff) {
        this.em = em;
        this.clock = clock;
        this.type = type;
        this.table = table;
        this.lease = lease;
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
    }

    /** Claims the next due row, or one whose worker's lease ran out, for {@code owner}. */
    public Optional<Claimed<T>> claim(String owner) {
        Instant now = clock.instant();
        List<?> ids = em.createNativeQuery(table.claimSql(), table.idType()).setParameter("now", now)
                .getResultList();
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        T item = em.find(type, ids.get(0));
        boolean resumed = item.phase() == Phase.RUNNING;
        item.claim(owner, now, now.plus(lease.get()));
        return Optional.of(new Claimed<>(item, resumed));
    }

    /** The row, locked, if {@code owner} still holds it on {@code attempt}. */
    public Optional<T> held(Object id, String owner, int attempt) {
        T item = em.find(type, id, LockModeType.PESSIMISTIC_WRITE);
        return item != null && item.heldBy(owner, attempt) ? Optional.of(item) : Optional.empty();
    }

    /** Extends the lease of a row its worker is still on, as a step of it is done. */
    public void extend(T item) {
        item.leaseUntil = clock.instant().plus(lease.get());
    }

    /** Renews every lease {@code owner} holds: its worker is alive. Returns how many. */
    public int renew(String owner) {
        return em.createNativeQuery("update " + table.name() + " set lease_until = :until "
                + "where state = 'RUNNING' and lease_owner = :owner")
                .setParameter("until", clock.instant().plus(lease.get())).setParameter("owner", owner)
                .executeUpdate();
    }

    /**
     * Queues the row again after a backoff that grows with its attempts, or, once they are spent, keeps it as a
     * dead letter. Returns the delay, or empty when it failed for good.
     */
    public Optional<Duration> retryOrFail(T item, String error) {
        Instant now = clock.instant();
        if (item.attempts < maxAttempts) {
            Duration delay = backoff.after(item.attempts);
            item.retryAt(now.plus(delay), error, now);
            return Optional.of(delay);
        }
        item.finish(Phase.FAILED, error, now);
        return Optional.empty();
    }

    /** Whether another attempt may follow {@code attempt}. */
    public boolean mayRetry(int attempt) {
        return attempt < maxAttempts;
    }

    public Duration backoff(int attempt) {
        return backoff.after(attempt);
    }

    /** Hands back every row {@code owner} holds, due now and the claims not counted; returns them. */
    public List<T> handBackAll(String owner) {
        List<T> held = em.createQuery("select w from " + em.getMetamodel().entity(type).getName()
                + " w where w.leaseOwner = :owner", type).setParameter("owner", owner)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        Instant now = clock.instant();
        held.stream().filter(item -> item.phase() == Phase.RUNNING).forEach(item -> item.handBack(now));
        return held;
    }

    /** Deletes the rows done before {@code before}; dead letters stay. Returns how many. */
    public int deleteDone(Instant before) {
        return em.createNativeQuery("delete from " + table.name() + " where state = :done and updated_at < :before")
                .setParameter("done", table.done()).setParameter("before", before).executeUpdate();
    }
}
