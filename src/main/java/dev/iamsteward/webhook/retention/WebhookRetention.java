package dev.iamsteward.webhook.retention;

import dev.iamsteward.webhook.WebhookConfig;
import dev.iamsteward.webhook.inbound.Inbox;
import dev.iamsteward.webhook.outbound.NotificationQueue;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/**
 * Deletes what the inbox and the outbox no longer need: deliveries processed (DONE) and notifications delivered
 * longer ago than {@code steward.webhooks.retention}. FAILED ones stay for an admin. A deleted delivery's id is
 * no longer known as a duplicate, which is why the retention must outlast every source's retries.
 */
@ApplicationScoped
public class WebhookRetention {

    /** How many rows one sweep deleted. */
    public record Swept(long deliveries, long notifications) {
    }

    private final WebhookConfig config;
    private final Clock clock;
    private final Inbox inbox;
    private final NotificationQueue notifications;

    WebhookRetention(WebhookConfig config, Clock clock, Inbox inbox, NotificationQueue notifications) {
        this.config = config;
        this.clock = clock;
        this.inbox = inbox;
        this.notifications = notifications;
    }

    @Transactional
    public Swept sweep() {
        Instant before = clock.instant().minus(config.retention());
        long deliveries = inbox.deleteDone(before);
        long delivered = notifications.deleteDone(before);
        if (deliveries + delivered > 0) {
            Log.infof("Deleted %d processed deliveries and %d delivered notifications older than %s", deliveries,
                    delivered, before);
        }
        return new Swept(deliveries, delivered);
    }
}
