package dev.iamsteward.execution;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How approved requests are executed: leases and retries. */
@ConfigMapping(prefix = "steward.execution")
public interface ExecutionConfig {

    /**
     * How long a claimed job stays with its worker unless the replica's heartbeat renews it; a job whose lease
     * ran out (its replica crashed) is picked up again by another.
     */
    @WithDefault("15s")
    Duration lease();

    /** Attempts before a job that keeps meeting throttling or IAM failures fails its request. */
    @WithDefault("8")
    int maxAttempts();

    /** Backoff before the first retry; it doubles each attempt, with jitter. */
    @WithDefault("2s")
    Duration initialBackoff();

    /** The longest backoff between two attempts. */
    @WithDefault("5m")
    Duration maxBackoff();

    /** Jobs one call of {@code JobWorker.runDueJobs} runs at most (the pool's workers take one at a time). */
    @WithDefault("20")
    int batchSize();
}
