package dev.iamsteward.rotation;

import java.time.Duration;
import java.time.Instant;

/** One rotation policy with every value resolved: a named one, or {@value #DEFAULT} from the top-level values. */
public record RotationPolicy(String name, Duration maxAge, Duration graceUntilDeactivate, Duration graceUntilDelete,
        Duration inUseWindow, boolean force, RotationConfig.DeactivateWhen deactivateWhen) {

    /** The name of the policy made of the top-level values. */
    public static final String DEFAULT = "default";

    static RotationPolicy ofDefaults(RotationConfig c) {
        return new RotationPolicy(DEFAULT, c.maxAge(), c.graceUntilDeactivate(), c.graceUntilDelete(),
                c.inUseWindow(), c.force(), c.deactivateWhen());
    }

    static RotationPolicy of(String name, RotationConfig.Policy p, RotationPolicy d) {
        return new RotationPolicy(name, p.maxAge().orElse(d.maxAge), p.graceUntilDeactivate()
                .orElse(d.graceUntilDeactivate), p.graceUntilDelete().orElse(d.graceUntilDelete),
                p.inUseWindow().orElse(d.inUseWindow), p.force().orElse(d.force),
                p.deactivateWhen().orElse(d.deactivateWhen));
    }

    /** Whether the old key may be deactivated now, given the new key's use and the grace since it was made. */
    boolean mayDeactivate(boolean newKeyUsed, Instant newKeyAt, Instant now) {
        boolean graceOver = !now.isBefore(newKeyAt.plus(graceUntilDeactivate));
        return switch (deactivateWhen) {
            case NEW_KEY_USED -> newKeyUsed;
            case GRACE_ELAPSED -> graceOver;
            case WHICHEVER_FIRST -> newKeyUsed || graceOver;
        };
    }
}
