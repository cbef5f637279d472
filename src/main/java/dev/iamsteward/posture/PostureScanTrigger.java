package dev.iamsteward.posture;

import dev.iamsteward.iam.IamException;
import dev.iamsteward.request.AccessRequest;
import io.quarkus.logging.Log;
import io.quarkus.quartz.Nonconcurrent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Runs the {@link PostureScan} on a schedule. */
@ApplicationScoped
class PostureScanTrigger {

    private final PostureScan scan;

    PostureScanTrigger(PostureScan scan) {
        this.scan = scan;
    }

    @Scheduled(identity = "posture-scan", every = "${steward.posture.scan-interval}",
            executeWith = Scheduled.QUARTZ)
    @Nonconcurrent
    void scan() {
        try {
            scan.scan(AccessRequest.SYSTEM);
        } catch (IamException e) {
            Log.warnf("The posture scan could not read IAM (%s); the next one tries again: %s", e.code(),
                    e.getMessage());
        }
    }
}
