package dev.iamsteward.iam;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The IAM call rate each target account is held to, in total across the replicas, by everything the service does
 * there: execution, the rotation sweep, the posture scan, drift and health checks. IAM does not publish its limits
 * and they cannot be raised, so the default is conservative; throttling lowers the rate, and it recovers.
 */
@ConfigMapping(prefix = "steward.iam-rate")
public interface IamRateConfig {

    /** Calls per second per account across all replicas; each replica takes its share of the replicas alive. */
    @WithDefault("10")
    double callsPerSecond();

    /** The floor that repeated throttling can lower the rate to. */
    @WithDefault("0.5")
    double minimumCallsPerSecond();

    /** What a throttling answer multiplies the rate by (at most once per second). */
    @WithDefault("0.5")
    double throttleFactor();

    /** How long the rate holds after a throttle before it climbs again, a tenth of the configured rate each time. */
    @WithDefault("10s")
    Duration recoveryInterval();

    /** The longest a call waits for its turn; past it, it fails as throttled and is retried like IAM's own. */
    @WithDefault("30s")
    Duration maxWait();
}
