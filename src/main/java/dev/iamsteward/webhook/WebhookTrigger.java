package dev.iamsteward.webhook;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Polls the inbox and the outbox, and sweeps both, on a schedule; the work itself is {@link InboxWorker#runDue()},
 * {@link NotificationWorker#runDue()} and {@link WebhookRetention#sweep()}.
 */
@ApplicationScoped
class WebhookTrigger {

    private final InboxWorker inbox;
    private final NotificationWorker notifications;
    private final WebhookRetention retention;

    WebhookTrigger(InboxWorker inbox, NotificationWorker notifications, WebhookRetention retention) {
        this.inbox = inbox;
        this.notifications = notifications;
        this.retention = retention;
    }

    @Scheduled(identity = "webhook-inbox-poll", every = "${steward.webhooks.poll-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void pollInbox() {
        inbox.runDue();
    }

    @Scheduled(identity = "webhook-outbox-poll", every = "${steward.webhooks.poll-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void pollOutbox() {
        notifications.runDue();
    }

    @Scheduled(identity = "webhook-retention-sweep", every = "${steward.webhooks.retention-sweep:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        retention.sweep();
    }
}
