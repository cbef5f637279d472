package dev.iamsteward.webhook;

import java.time.Instant;

/**
 * A signed, valid delivery that the service refused while processing it, fired in the transaction that records
 * the refusal: the source is answered on its ticket where it takes comments. {@code ticket} is null when the
 * delivery names none.
 */
public record DeliveryRefused(String sourceId, String deliveryId, String ticket, String reason, Instant at) {
}
