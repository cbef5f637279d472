package dev.iamsteward.posture;

import io.quarkus.quartz.Nonconcurrent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Looks for overdue break-glass reviews as often as the approval sweeps run. */
@ApplicationScoped
class BreakGlassReviewTrigger {

    private final BreakGlassReviews reviews;

    BreakGlassReviewTrigger(BreakGlassReviews reviews) {
        this.reviews = reviews;
    }

    @Scheduled(identity = "break-glass-reviews", every = "${steward.approval.sweep-interval}",
            executeWith = Scheduled.QUARTZ)
    @Nonconcurrent
    void refresh() {
        reviews.refresh();
    }
}
