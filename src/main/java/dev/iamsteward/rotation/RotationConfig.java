package dev.iamsteward.rotation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The one rotation policy: when a key is due, and how long each step waits before the next. */
@ConfigMapping(prefix = "steward.rotation")
public interface RotationConfig {

    /** Whether the scheduled sweep rotates keys at all; off by default, so a first deployment only reports. */
    @WithDefault("false")
    boolean enabled();

    /** An active key of a managed user older than this gets a new key. */
    @WithDefault("P90D")
    Duration maxAge();

    /** How long after the new key exists the old one may be deactivated even if the new one is not yet seen in use. */
    @WithDefault("P7D")
    Duration graceUntilDeactivate();

    /** How long a deactivated old key is kept (and can be reactivated) before it is deleted. */
    @WithDefault("P7D")
    Duration graceUntilDelete();

    /** An old key used within this long is never deactivated, unless {@link #force()}. */
    @WithDefault("P1D")
    Duration inUseWindow();

    /** Deactivate after the grace period even while the old key is still in use. */
    @WithDefault("false")
    boolean force();

    /** How often the rotation sweep runs. */
    @WithDefault("1h")
    Duration sweepInterval();
}
