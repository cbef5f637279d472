package dev.iamsteward.webhook.inbound;

import java.time.Instant;

/** A delivery from a ticketing system as admins see it: where it came from and what its last attempt met. */
public record DeliveryView(long id, String sourceId, String deliveryId, String state, int attempts, String lastError,
        String outcome, String refusal, Instant receivedAt, Instant updatedAt) {

    static DeliveryView of(InboundDelivery d) {
        return new DeliveryView(d.id, d.sourceId, d.deliveryId, d.state.name(), d.attempts, d.lastError, d.outcome,
                d.refusal, d.receivedAt, d.updatedAt);
    }
}
