package dev.iamsteward.webhook.outbound;

import java.time.Instant;
import java.util.UUID;

/** A notification as admins see it: where it goes, what it says, and what its last attempt met. */
public record NotificationView(UUID id, String messageId, String target, String eventType, UUID requestId,
        String state, int attempts, String lastError, Instant createdAt, Instant updatedAt, Instant deliveredAt) {

    static NotificationView of(Notification n) {
        return new NotificationView(n.id, n.messageId(), n.target, n.eventType, n.requestId, n.state.name(),
                n.attempts, n.lastError, n.createdAt, n.updatedAt, n.deliveredAt);
    }
}
