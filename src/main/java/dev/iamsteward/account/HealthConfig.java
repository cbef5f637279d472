package dev.iamsteward.account;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How readiness checks the target account, so that probes do not become a load on AWS. */
@ConfigMapping(prefix = "steward.health")
public interface HealthConfig {

    /** How long readiness reuses its last answer on whether the target account's IAM (through STS) answers. */
    @WithDefault("30s")
    Duration cacheTtl();

    /**
     * How long readiness waits for a target account's IAM to answer before it says DOWN; the question stays open
     * and its answer, when it comes, is the next one readiness gives.
     */
    @WithDefault("3s")
    Duration probeTimeout();

    /** How long readiness reports the broker role's last self-check before running it again. */
    @WithDefault("1h")
    Duration selfCheckTtl();
}
