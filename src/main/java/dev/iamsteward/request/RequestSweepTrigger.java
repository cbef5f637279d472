package dev.iamsteward.request;

import io.quarkus.quartz.Nonconcurrent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Runs the {@link RequestSweeps} on a schedule. */
@ApplicationScoped
class RequestSweepTrigger {

    private final RequestSweeps sweeps;

    RequestSweepTrigger(RequestSweeps sweeps) {
        this.sweeps = sweeps;
    }

    @Scheduled(identity = "request-sweeps", every = "${steward.approval.sweep-interval}",
            executeWith = Scheduled.QUARTZ)
    @Nonconcurrent
    void sweep() {
        sweeps.expirePending();
        sweeps.endTimeBoundAccess();
    }
}
