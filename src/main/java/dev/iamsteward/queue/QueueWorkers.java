package dev.iamsteward.queue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The replica's bounded pool of workers over every queue, woken at once by {@link QueueListener} and otherwise
 * by a slow poll, and its heartbeat, which renews the leases its workers hold. At shutdown the workers claim
 * nothing more, the work in progress gets Quarkus' shutdown timeout, and what was claimed and not started is
 * handed back; work still running then keeps its lease until it ends or, the heartbeat stopped, runs out.
 */
@ApplicationScoped
public class QueueWorkers {

    private final List<QueueWorker> queues;
    private final QueueConfig config;
    private final Replicas replicas;
    private final AgroalDataSource db;
    private final Duration shutdownTimeout;
    private final Wakeups wakeups = new Wakeups();
    private final List<Thread> threads = new ArrayList<>();
    private ScheduledExecutorService heartbeat;
    private QueueListener listener;
    private volatile boolean stopping;

    QueueWorkers(Instance<QueueWorker> queues, QueueConfig config, Replicas replicas, AgroalDataSource db,
            @ConfigProperty(name = "quarkus.shutdown.timeout", defaultValue = "30s") Duration shutdownTimeout) {
        this.queues = queues.stream().toList();
        this.config = config;
        this.replicas = replicas;
        this.db = db;
        this.shutdownTimeout = shutdownTimeout;
    }

    void start(@Observes StartupEvent event) {
        if (config.workers() <= 0) {
            return;
        }
        heartbeat = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "queue-heartbeat"));
        heartbeat.scheduleWithFixedDelay(this::beat, 0, config.heartbeat().toMillis(), TimeUnit.MILLISECONDS);
        if (config.listen()) {
            listener = new QueueListener(db, wakeups::wake);
            threads.add(start("queue-listener", listener));
        }
        for (int i = 1; i <= config.workers(); i++) {
            threads.add(start("queue-worker-" + i, this::work));
        }
        Log.infof("Replica %s works the queues with %d workers", replicas.id(), config.workers());
    }

    /** Wakes every idle worker of this replica, as a wake-up from the database does. */
    public void wake() {
        wakeups.wake();
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        wakeups.wake();
        if (listener != null) {
            listener.stop();
        }
        long deadline = System.nanoTime() + shutdownTimeout.toNanos();
        for (QueueWorker queue : queues) {
            stop(queue, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        }
        if (heartbeat != null) {
            heartbeat.shutdownNow();
            threads.forEach(Thread::interrupt);
            leave();
        }
    }

    /**
     * Stops one queue's workers and hands back their leases. With the database already gone (it may stop before the
     * service does) the leases stay and run out on their own, after which another replica takes the work over.
     */
    private static void stop(QueueWorker queue, Duration grace) {
        try {
            queue.stop(grace);
        } catch (RuntimeException e) {
            Log.warnf("Could not hand back a queue's leases as the service stops; they run out on their own: %s",
                    e.toString());
        }
    }

    private void work() {
        while (!stopping) {
            long seen = wakeups.seen();
            boolean ran = false;
            for (QueueWorker queue : queues) {
                ran |= runOne(queue);
            }
            if (!ran && !stopping) {
                wakeups.await(seen, config.pollInterval());
            }
        }
    }

    /** A failure here (the database gone, say) is logged, and the worker waits for the next wake-up or poll. */
    private static boolean runOne(QueueWorker queue) {
        try {
            return queue.runOne();
        } catch (RuntimeException e) {
            Log.warnf("A queue worker failed: %s", e.toString());
            return false;
        }
    }

    private void beat() {
        try {
            replicas.beat();
            queues.forEach(QueueWorker::renewLeases);
        } catch (RuntimeException e) {
            Log.warnf("Queue heartbeat failed: %s", e.toString());
        }
    }

    private void leave() {
        try {
            replicas.leave();
        } catch (RuntimeException e) {
            Log.debugf("Could not remove replica %s: %s", replicas.id(), e);
        }
    }

    private static Thread start(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
