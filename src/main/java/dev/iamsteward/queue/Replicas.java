package dev.iamsteward.queue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

/**
 * The replicas working the queues, by their heartbeats in PostgreSQL: this replica's id, its heartbeat, and how
 * many were seen lately, which is how the IAM call rate is shared among them. Times are the database's, so that
 * the replicas' clocks need not agree.
 */
@ApplicationScoped
public class Replicas {

    private final EntityManager em;
    private final QueueConfig config;
    private final String id = host() + "-" + UUID.randomUUID().toString().substring(0, 8);
    private volatile int live = 1;

    Replicas(EntityManager em, QueueConfig config) {
        this.em = em;
        this.config = config;
    }

    public String id() {
        return id;
    }

    /** Records that this replica is alive and counts those seen within three heartbeats; returns the count. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int beat() {
        em.createNativeQuery("""
                insert into work_queue_replica (id, seen_at, started_at) values (:id, now(), now())
                on conflict (id) do update set seen_at = now()""").setParameter("id", id).executeUpdate();
        Number seen = (Number) em.createNativeQuery("""
                select count(*) from work_queue_replica
                where seen_at > now() - make_interval(secs => :window)""")
                .setParameter("window", 3.0 * config.heartbeat().toMillis() / 1000).getSingleResult();
        live = Math.max(1, seen.intValue());
        return live;
    }

    /** This replica stops: the others share the rate from their next heartbeat. Long-gone rows are dropped. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void leave() {
        em.createNativeQuery("delete from work_queue_replica where id = :id or seen_at < now() - interval '1 day'")
                .setParameter("id", id).executeUpdate();
    }

    /**
     * Whether {@code replica} has stopped: it has beaten before, but not within three heartbeats. A replica that
     * never beat (no queue workers), or this one, is not known to have stopped.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean stopped(String replica) {
        if (replica == null || replica.equals(id)) {
            return false;
        }
        Number stale = (Number) em.createNativeQuery("""
                select count(*) from work_queue_replica
                where id = :id and seen_at <= now() - make_interval(secs => :window)""")
                .setParameter("id", replica)
                .setParameter("window", 3.0 * config.heartbeat().toMillis() / 1000).getSingleResult();
        return stale.intValue() > 0;
    }

    /** How many replicas the last heartbeat saw, this one included; 1 before the first. */
    public int live() {
        return live;
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "replica";
        }
    }
}
