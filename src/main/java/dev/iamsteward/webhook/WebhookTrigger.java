package dev.iamsteward.webhook;

import dev.iamsteward.webhook.inbound.InboxWorker;
import dev.iamsteward.webhook.outbound.NotificationWorker;
import io.quarkus.quartz.Nonconcurrent;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Polls the inbox and the outbox, and sweeps both, on a schedule; the work itself is {@link InboxWorker#runDue()},
 * {@link NotificationWorker#runDue()} and {@link WebhookRetention#sweep()}.
 */
@ApplicationScoped
class WebhookTrigger {

    private final InboxWorker inbox;
    private final NotificationWorker notifications;
    private final WebhookRetention retention;
    private final Duration shutdownTimeout;

    WebhookTrigger(InboxWorker inbox, NotificationWorker notifications, WebhookRetention retention,
            @ConfigProperty(name = "quarkus.shutdown.timeout", defaultValue = "30s") Duration shutdownTimeout) {
        this.inbox = inbox;
        this.notifications = notifications;
        this.retention = retention;
        this.shutdownTimeout = shutdownTimeout;
    }

    /** At shutdown, work in progress may finish within Quarkus' shutdown timeout; the rest is handed back. */
    void stop(@Observes ShutdownEvent event) {
        inbox.stop(shutdownTimeout);
        notifications.stop(shutdownTimeout);
    }

    @Scheduled(identity = "webhook-inbox-poll", every = "${steward.webhooks.poll-interval:1s}",
            executeWith = Scheduled.SIMPLE, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void pollInbox() {
        inbox.runDue();
    }

    @Scheduled(identity = "webhook-outbox-poll", every = "${steward.webhooks.poll-interval:1s}",
            executeWith = Scheduled.SIMPLE, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void pollOutbox() {
        notifications.runDue();
    }

    @Scheduled(identity = "webhook-retention-sweep", every = "${steward.webhooks.retention-sweep:1h}",
            executeWith = Scheduled.QUARTZ)
    @Nonconcurrent
    void sweep() {
        retention.sweep();
    }
}
