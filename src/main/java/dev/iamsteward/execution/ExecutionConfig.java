package dev.iamsteward.execution;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How approved requests are executed: polling, leases and retries. */
@ConfigMapping(prefix = "steward.execution")
public interface ExecutionConfig {

    /** How often the worker looks for due jobs (a Quarkus scheduler interval such as {@code 1s}). */
    @WithDefault("1s")
    String pollInterval();

    /** How long a claimed job stays with its worker; a job whose lease ran out is picked up again. */
    @WithDefault("5m")
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

    /** Jobs one poll runs at most, so that one worker does not hold on to everything. */
    @WithDefault("20")
    int batchSize();
}
