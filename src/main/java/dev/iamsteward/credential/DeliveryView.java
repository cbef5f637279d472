package dev.iamsteward.credential;

import java.time.Instant;
import java.util.UUID;

/** A delivery as a request shows it: where to fetch the secret, for whom, and whether it is still there. */
public record DeliveryView(UUID id, SecretDelivery.Kind kind, String userName, String label, String recipient,
        Instant expiresAt, String state) {

    static DeliveryView of(SecretDelivery d) {
        return new DeliveryView(d.id, d.kind, d.userName, d.label, d.recipient, d.expiresAt,
                d.destroyed() ? d.destroyedWhy.name() : "WAITING");
    }
}
