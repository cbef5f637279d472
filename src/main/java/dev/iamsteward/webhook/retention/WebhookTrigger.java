package dev.iamsteward.webhook.retention;

import io.quarkus.quartz.Nonconcurrent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Sweeps the inbox and the outbox on a schedule; the work itself is {@link WebhookRetention#sweep()}. */
@ApplicationScoped
class WebhookTrigger {

    private final WebhookRetention retention;

    WebhookTrigger(WebhookRetention retention) {
        this.retention = retention;
    }

    @Scheduled(identity = "webhook-retention-sweep", every = "${steward.webhooks.retention-sweep:1h}",
            executeWith = Scheduled.QUARTZ)
    @Nonconcurrent
    void sweep() {
        retention.sweep();
    }
}
