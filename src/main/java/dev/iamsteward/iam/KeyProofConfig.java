package dev.iamsteward.iam;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How a new access key is proven to authenticate before its secret is handed out. One proof run checks with
 * STS GetCallerIdentity, waiting between checks, on the worker that made the key; a run that ends without proof
 * leaves the rest to the job's retries (see docs/rotation.md, "A new key is proven first").
 */
@ConfigMapping(prefix = "steward.key-proof")
public interface KeyProofConfig {

    /** Most GetCallerIdentity checks one proof run makes; the first is made at once. */
    @WithDefault("6")
    int attempts();

    /** The wait after the first check that AWS refused; each later wait is twice the one before. */
    @WithDefault("500ms")
    Duration firstDelay();

    /** The longest wait between two checks. */
    @WithDefault("2s")
    Duration maxDelay();

    /**
     * The most one proof run waits in all; it stops before a wait that would pass it. The worker is held for
     * this long (plus the checks themselves), so keep it to seconds: longer propagation is left to job retries.
     */
    @WithDefault("6s")
    Duration budget();
}
