package dev.iamsteward.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the API answers while a dependency (IAM, the service's database) cannot be reached. */
@ConfigMapping(prefix = "steward.outage")
public interface OutageConfig {

    /** The {@code Retry-After} of a 503 answer: when the caller may try again. */
    @WithDefault("5s")
    Duration retryAfter();
}
