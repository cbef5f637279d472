package dev.iamsteward.rotation;

import dev.iamsteward.iam.IamException;
import io.quarkus.logging.Log;
import io.quarkus.quartz.Nonconcurrent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Runs the {@link RotationSweep} on a schedule when rotation is enabled; when it is not, still moves on the
 * rotations ROTATE_ACCESS_KEY requests started.
 */
@ApplicationScoped
class RotationSweepTrigger {

    private final RotationSweep sweep;
    private final RotationConfig config;

    RotationSweepTrigger(RotationSweep sweep, RotationConfig config) {
        this.sweep = sweep;
        this.config = config;
    }

    @Scheduled(identity = "rotation-sweep", every = "${steward.rotation.sweep-interval}",
            executeWith = Scheduled.QUARTZ)
    @Nonconcurrent
    void sweep() {
        try {
            if (config.enabled()) {
                sweep.sweep();
            } else {
                sweep.advanceOpen();
            }
        } catch (IamException e) {
            Log.warnf("The rotation sweep could not read IAM (%s); the next one tries again: %s", e.code(),
                    e.getMessage());
        }
    }
}
