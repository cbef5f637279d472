package dev.iamsteward.queue;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How each replica works the queues: its pool of workers, how they are woken and how it says it is alive. */
@ConfigMapping(prefix = "steward.queue")
public interface QueueConfig {

    /**
     * Worker threads on this replica, shared by the execution jobs, the webhook inbox and the notifications; 0
     * starts none (the work is then only done when called, as the tests do). Each holds a database connection
     * while it works, so keep it well under the connection pool's size.
     */
    @WithDefault("4")
    int workers();

    /** How long an idle worker waits for a wake-up before it looks for due work anyway: the fallback poll. */
    @WithDefault("5s")
    Duration pollInterval();

    /** Whether a replica LISTENs for the wake-ups committing transactions send; off, only the poll finds work. */
    @WithDefault("true")
    boolean listen();

    /**
     * How often the replica renews the leases its workers hold and records that it is alive. Keep it at most a
     * third of the shortest lease ({@code steward.execution.lease}, {@code steward.webhooks.lease}).
     */
    @WithDefault("5s")
    Duration heartbeat();
}
