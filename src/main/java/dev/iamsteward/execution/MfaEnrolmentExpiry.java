package dev.iamsteward.execution;

import dev.iamsteward.credential.DeliveryService;
import dev.iamsteward.request.AccessRequest;
import dev.iamsteward.request.Requests;
import io.quarkus.quartz.Nonconcurrent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Ends MFA enrolments whose owner never sent codes: once the seed kept to check them has expired, the request
 * fails, so that nothing waits for ever. The unassigned device is replaced by the next enrolment.
 */
@ApplicationScoped
public class MfaEnrolmentExpiry {

    private final DeliveryService deliveries;
    private final JobQueue jobs;

    MfaEnrolmentExpiry(DeliveryService deliveries, JobQueue jobs) {
        this.deliveries = deliveries;
        this.jobs = jobs;
    }

    @Scheduled(identity = "mfa-enrolment-expiry", every = "${steward.credentials.expiry-sweep}",
            executeWith = Scheduled.QUARTZ)
    @Nonconcurrent
    void sweep() {
        failExpired();
    }

    /** Fails every enrolment waiting for codes whose seed is gone or past its time; returns how many. */
    @Transactional
    public int failExpired() {
        List<AccessRequest> waiting = Requests.awaitingMfaCodes();
        int failed = 0;
        for (AccessRequest request : waiting) {
            if (!deliveries.waiting(request.id, request.stepsDone)) {
                jobs.failWaiting(request, "system", "the device's seed expired before its codes arrived; submit "
                        + "ENROL_MFA again");
                failed++;
            }
        }
        return failed;
    }
}
