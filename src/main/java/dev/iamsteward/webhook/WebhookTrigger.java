package dev.iamsteward.webhook;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Polls the inbox on a schedule; the work itself is {@link InboxWorker#runDue()}. */
@ApplicationScoped
class WebhookTrigger {

    private final InboxWorker inbox;

    WebhookTrigger(InboxWorker inbox) {
        this.inbox = inbox;
    }

    @Scheduled(identity = "webhook-inbox-poll", every = "${steward.webhooks.poll-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void pollInbox() {
        inbox.runDue();
    }
}
