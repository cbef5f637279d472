package dev.iamsteward.posture;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** What the posture scan counts as wrong, and how often it looks. */
@ConfigMapping(prefix = "steward.posture")
public interface PostureConfig {

    /** An access key older than this (since it was made) is a finding. */
    @WithDefault("P90D")
    Duration maxAge();

    /** An access key not used for this long (or never used since it was made this long ago) is a finding. */
    @WithDefault("P90D")
    Duration unusedFor();

    /** A root user signed in or used a root access key within this long is a finding. */
    @WithDefault("P30D")
    Duration rootUsedWithin();

    /** How often the scheduled scan runs; IAM makes a new credential report at most every four hours. */
    @WithDefault("4h")
    Duration scanInterval();

    /** How many times a scan asks for a credential report IAM is still making before it gives up until later. */
    @WithDefault("10")
    int reportAttempts();

    /** How long a scan waits between those attempts. */
    @WithDefault("2s")
    Duration reportPoll();

    /** Where the {@code steward_access_keys} gauge splits active keys by age: one bucket below each, one above all. */
    @WithDefault("P30D,P90D,P180D")
    List<Duration> keyAgeBuckets();
}
