package dev.iamsteward.credential;

import io.quarkus.quartz.Nonconcurrent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Destroys unread secrets whose time ran out; the work is {@link DeliveryService#destroyExpired()}. */
@ApplicationScoped
class DeliveryExpiry {

    private final DeliveryService deliveries;

    DeliveryExpiry(DeliveryService deliveries) {
        this.deliveries = deliveries;
    }

    @Scheduled(identity = "secret-expiry", every = "${steward.credentials.expiry-sweep}",
            executeWith = Scheduled.QUARTZ)
    @Nonconcurrent
    void destroyExpired() {
        deliveries.destroyExpired();
    }
}
