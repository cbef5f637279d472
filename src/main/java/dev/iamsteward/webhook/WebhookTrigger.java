package dev.iamsteward.webhook;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Polls the inbox and the outbox on a schedule; the work itself is {@link InboxWorker#runDue()} and
 * {@link NotificationWorker#runDue()}.
 */
@ApplicationScoped
class WebhookTrigger {

    private final InboxWorker inbox;
    private final NotificationWorker notifications;

    WebhookTrigger(InboxWorker inbox, NotificationWorker notifications) {
        this.inbox = inbox;
        this.notifications = notifications;
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
}
