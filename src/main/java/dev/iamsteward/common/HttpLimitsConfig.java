package dev.iamsteward.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits on what a request may be, checked before anything reads it. */
@ConfigMapping(prefix = "steward.http")
public interface HttpLimitsConfig {

    /**
     * The longest request target (path and query) accepted, in characters; longer ones are answered 414. Keep it
     * below {@code quarkus.http.limits.max-initial-line-length}, where the HTTP codec itself stops reading.
     */
    @WithDefault("4096")
    int maxUriLength();
}
