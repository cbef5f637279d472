package dev.iamsteward.rotation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Rotation: the default policy (the top-level values), named policies that override it for users they match,
 * exemptions' longest allowed length, and the sweep's schedule.
 */
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

    /** Deactivate even while the old key is still in use. */
    @WithDefault("false")
    boolean force();

    /** What lets the old key be deactivated: the new key seen in use, the grace elapsed, or whichever comes first. */
    @WithDefault("WHICHEVER_FIRST")
    DeactivateWhen deactivateWhen();

    /** How often the rotation sweep runs. */
    @WithDefault("1h")
    Duration sweepInterval();

    /** The longest an exemption from rotation may last. */
    @WithDefault("P90D")
    Duration exemptionMaxLength();

    /** Named policies; a user matched by none follows the default (top-level) values. */
    Map<String, Policy> policies();

    /** When the old key may be deactivated (never while it is in use, unless forced). */
    enum DeactivateWhen {
        /** Only once GetAccessKeyLastUsed shows the new key in use. */
        NEW_KEY_USED,
        /** Only once grace-until-deactivate has passed since the new key was made. */
        GRACE_ELAPSED,
        /** As soon as either holds. */
        WHICHEVER_FIRST
    }

    /** One named policy: whom it matches (at least one of path prefix, tag, profile) and its own values. */
    interface Policy {

        /** Matches users whose IAM path starts with this (it must end with '/'). */
        Optional<String> pathPrefix();

        /** Matches users with this tag, written key=value. */
        Optional<String> tag();

        /** Matches users who hold this access profile of the catalog: in all its groups, with all its policies. */
        Optional<String> profile();

        /** The policy's max-age; the default policy's when absent. */
        Optional<Duration> maxAge();

        /** The policy's grace-until-deactivate; the default policy's when absent. */
        Optional<Duration> graceUntilDeactivate();

        /** The policy's grace-until-delete; the default policy's when absent. */
        Optional<Duration> graceUntilDelete();

        /** The policy's in-use-window; the default policy's when absent. */
        Optional<Duration> inUseWindow();

        /** The policy's force; the default policy's when absent. */
        Optional<Boolean> force();

        /** The policy's deactivate-when; the default policy's when absent. */
        Optional<DeactivateWhen> deactivateWhen();
    }
}
