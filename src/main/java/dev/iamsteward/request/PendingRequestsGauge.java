package dev.iamsteward.request;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code steward_requests_pending}: how many requests wait for approval now, counted at each scrape on the
 * index of requests by status (Prometheus scrapes on a worker thread, so the count may read the database).
 */
@Startup
@ApplicationScoped
class PendingRequestsGauge {

    PendingRequestsGauge(MeterRegistry registry) {
        Gauge.builder("steward.requests.pending", PendingRequestsGauge::pending).strongReference(true)
                .description("Requests waiting for approval").register(registry);
    }

    private static double pending() {
        return QuarkusTransaction.requiringNew().call(() -> AccessRequest.count("status",
                RequestStatus.PENDING_APPROVAL));
    }
}
